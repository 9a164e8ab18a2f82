using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Dukcapil;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Adapters.SatuSehat;
using MppIntegrationHub.Simulators;

namespace MppIntegrationHub.Hub.Agencies;

/// <summary>Registers the six agency adapters, pointed at configured agencies or at simulators started in this process.</summary>
public static class AgencyHostingExtensions
{
    public const string Section = "Hub:Agencies";

    /// <summary>
    /// Adds every adapter. With <see cref="AgencySource.Configuration"/> each adapter binds <c>Hub:Agencies:{agency}</c>
    /// (BaseUrl, credentials, limits). With <see cref="AgencySource.Simulators"/> (the default when no
    /// <c>Hub:Agencies:dukcapil:BaseUrl</c> is set) the simulators start now on loopback ports and the adapters get
    /// their URLs and development credentials.
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

        var simulators = AgencySimulators.StartAsync(new SimulatorOptions { Seed = section.GetValue("Simulators:Seed", 42) })
            .GetAwaiter().GetResult();
        builder.Services.AddSingleton(simulators);
        builder.Services.AddHostedService<SimulatorLifetime>();
        AddAdapters(builder.Services, (agency, options) => PointAtSimulator(simulators, agency, options));
        return builder;
    }

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
