using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.Hosting;

namespace MppIntegrationHub.Adapters.Tests.Infrastructure;

/// <summary>A service provider with adapters pointed at the simulators, fast test limits and captured logs.</summary>
public sealed class AdapterHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private AdapterHost(ServiceProvider provider) => _provider = provider;

    public IServiceProvider Services => _provider;

    public ICapabilityInvoker Invoker => _provider.GetRequiredService<ICapabilityInvoker>();

    public IAdapterRegistry Registry => _provider.GetRequiredService<IAdapterRegistry>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    /// <summary>Builds the host; <paramref name="clock"/> replaces the system clock when given.</summary>
    public static AdapterHost Create(Action<IServiceCollection> addAdapters, FakeTimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(addAdapters);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        if (clock is not null)
        {
            services.AddSingleton<TimeProvider>(clock);
        }

        addAdapters(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new AdapterHost(provider);
    }

    /// <summary>
    /// Limits that keep tests quick: millisecond backoff and a generous quota; timeouts and breaker wide enough for a
    /// cold process on a busy machine (tests of those strategies tighten them).
    /// </summary>
    public static void FastLimits(AdapterManifest manifest, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        manifest.BaseUrl = baseUrl;
        manifest.Retry.MaxRetries = 2;
        manifest.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        manifest.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        manifest.Timeouts.Attempt = TimeSpan.FromSeconds(20);
        manifest.Timeouts.Total = TimeSpan.FromSeconds(60);
        manifest.Quota.PermitLimit = 1000;
        manifest.Breaker.MinimumThroughput = 20;
        manifest.Breaker.FailureRatio = 0.5;
        manifest.Breaker.SamplingDuration = TimeSpan.FromSeconds(30);
        manifest.Breaker.BreakDuration = TimeSpan.FromSeconds(5);
    }

    public static Action<IServiceCollection> Dukcapil(AgencySimulators simulators, Action<Adapters.Dukcapil.DukcapilAdapterOptions>? tweak = null) =>
        services => services.AddDukcapilAdapter(options =>
        {
            var credentials = simulators.Credentials;
            FastLimits(options, simulators.Dukcapil.BaseUrl);
            options.CustomerId = credentials.DukcapilCustomerId;
            options.UserId = credentials.DukcapilUserId;
            options.Password = credentials.DukcapilPassword;
            options.IpUser = credentials.DukcapilIpUser;
            options.ApiKey = credentials.ApiKeys[AgencyIds.Dukcapil];
            tweak?.Invoke(options);
        });

    public static Action<IServiceCollection> SatuSehat(AgencySimulators simulators, Action<Adapters.SatuSehat.SatuSehatAdapterOptions>? tweak = null) =>
        services => services.AddSatuSehatAdapter(options =>
        {
            FastLimits(options, simulators.SatuSehat.BaseUrl);
            options.ClientId = simulators.Credentials.SatuSehatClientId;
            options.ClientSecret = simulators.Credentials.SatuSehatClientSecret;
            tweak?.Invoke(options);
        });

    /// <summary>The four designed REST agencies (SKCK, SIM, passport, SIMPONI) pointed at their simulators.</summary>
    public static Action<IServiceCollection> RestAgencies(AgencySimulators simulators, Action<Adapters.Rest.RestAgencyOptions>? tweak = null) =>
        services =>
        {
            var keys = simulators.Credentials.ApiKeys;
            void Configure(Adapters.Rest.RestAgencyOptions options, AgencySimulator simulator)
            {
                FastLimits(options, simulator.BaseUrl);
                options.ApiKey = keys[simulator.Agency];
                tweak?.Invoke(options);
            }

            services.AddSkckAdapter(o => Configure(o, simulators.Skck));
            services.AddSimAdapter(o => Configure(o, simulators.Sim));
            services.AddPasporAdapter(o => Configure(o, simulators.Paspor));
            services.AddBillingAdapter(o => Configure(o, simulators.Simponi));
        };

    public T Options<T>()
        where T : class => _provider.GetRequiredService<IOptions<T>>().Value;

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
