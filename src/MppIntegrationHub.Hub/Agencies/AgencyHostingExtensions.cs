using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Dukcapil;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Adapters.SatuSehat;
using MppIntegrationHub.Hub.Callbacks;
using MppIntegrationHub.Simulators;

namespace MppIntegrationHub.Hub.Agencies;

/// <summary>Registers the six agency adapters, pointed at configured agencies or at simulators started in this process.</summary>
public static class AgencyHostingExtensions
{
    public const string Section = "Hub:Agencies";

    /// <summary>
    /// Adds every adapter. With <see cref="AgencySource.Configuration"/> each adapter binds <c>Hub:Agencies:{agency}</c>
    /// (BaseUrl, credentials, limits). With <see cref="AgencySource.Simulators"/> (the default when no
    /// <c>Hub:Agencies:dukcapil:BaseUrl</c> is set) the simulators start with the host on loopback ports, on the host's
    /// <see cref="TimeProvider"/>, and the adapters get their URLs and development credentials;
    /// <c>Hub:Agencies:Simulators:CallbackUrl</c> (the hub's own base URL) makes them post signed status callbacks with
    /// the secrets of <c>Hub:AgencyCallbacks</c>, and <c>Hub:Agencies:Simulators:Seed</c> picks the population.
    /// </summary>
    public static WebApplicationBuilder AddAgencies(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(Section);
        var source = section.GetValue<AgencySource?>("Source")
            ?? (section.GetSection($"{AgencyIds.Dukcapil}:BaseUrl").Exists() ? AgencySource.Configuration : AgencySource.Simulators);
        if (source == AgencySource.None)
        {
            return builder;
        }

        if (source == AgencySource.Configuration)
        {
            AddAdapters(builder.Services, (agency, options) => section.GetSection(agency).Bind(options));
            return builder;
        }

        // Started on first use (the adapters' options validation at host start), on the host's clock, so a test that
        // replaces TimeProvider moves the agencies' days with the hub's.
        var simulatorSection = section.GetSection("Simulators");
        builder.Services.AddSingleton(sp => AgencySimulators.StartAsync(new SimulatorOptions
        {
            Seed = simulatorSection.GetValue("Seed", 42),
            Clock = sp.GetRequiredService<TimeProvider>(),
            HubCallbackUrl = simulatorSection.GetValue<Uri?>("CallbackUrl"),
            CallbackSecrets = sp.GetRequiredService<IOptions<AgencyCallbackOptions>>().Value.Secrets,
        }).GetAwaiter().GetResult());
        builder.Services.AddHostedService<SimulatorLifetime>();
        AddAdapters(builder.Services, (_, _) => { });
        PointAtSimulator<DukcapilAdapterOptions>(builder.Services, AgencyIds.Dukcapil);
        PointAtSimulator<SatuSehatAdapterOptions>(builder.Services, AgencyIds.SatuSehat);
        PointAtSimulator<Adapters.Skck.SkckAdapterOptions>(builder.Services, AgencyIds.Skck);
        PointAtSimulator<Adapters.Sim.SimAdapterOptions>(builder.Services, AgencyIds.Sim);
        PointAtSimulator<Adapters.Paspor.PasporAdapterOptions>(builder.Services, AgencyIds.Paspor);
        PointAtSimulator<Adapters.Billing.BillingAdapterOptions>(builder.Services, AgencyIds.Simponi);
        return builder;
    }

    /// <summary>
    /// Adds the per-process agency reports and the background sync that shares them and the retry kill switch across
    /// the deployment's processes (section <c>Hub:AgencyReports</c>).
    /// </summary>
    public static IServiceCollection AddAgencyDeploymentSync(this IServiceCollection services)
    {
        services.AddOptions<AgencyReportOptions>().BindConfiguration(AgencyReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AgencyProcessReports>();
        services.AddHostedService<AgencyDeploymentSync>();
        return services;
    }

    private static void PointAtSimulator<TOptions>(IServiceCollection services, string agency)
        where TOptions : AdapterManifest =>
        services.AddOptions<TOptions>().Configure<AgencySimulators>((options, simulators) => PointAtSimulator(simulators, agency, options));

    private static void AddAdapters(IServiceCollection services, Action<string, AdapterManifest> configure)
    {
        services.AddDukcapilAdapter(o => configure(AgencyIds.Dukcapil, o));
        services.AddSatuSehatAdapter(o => configure(AgencyIds.SatuSehat, o));
        services.AddSkckAdapter(o => configure(AgencyIds.Skck, o));
        services.AddSimAdapter(o => configure(AgencyIds.Sim, o));
        services.AddPasporAdapter(o => configure(AgencyIds.Paspor, o));
        services.AddBillingAdapter(o => configure(AgencyIds.Simponi, o));
    }

    private static void PointAtSimulator(AgencySimulators simulators, string agency, AdapterManifest options)
    {
        var credentials = simulators.Credentials;
        options.BaseUrl = simulators[agency].BaseUrl;
        switch (options)
        {
            case RestAgencyOptions rest:
                rest.ApiKey = credentials.ApiKeys[agency];
                break;
            case DukcapilAdapterOptions dukcapil:
                dukcapil.CustomerId = credentials.DukcapilCustomerId;
                dukcapil.UserId = credentials.DukcapilUserId;
                dukcapil.Password = credentials.DukcapilPassword;
                dukcapil.IpUser = credentials.DukcapilIpUser;
                dukcapil.ApiKey = credentials.ApiKeys[agency];
                break;
            case SatuSehatAdapterOptions satuSehat:
                satuSehat.ClientId = credentials.SatuSehatClientId;
                satuSehat.ClientSecret = credentials.SatuSehatClientSecret;
                break;
        }
    }
}

/// <summary>Stops the in-process simulators with the host.</summary>
internal sealed class SimulatorLifetime(AgencySimulators simulators) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await simulators.DisposeAsync();
}
