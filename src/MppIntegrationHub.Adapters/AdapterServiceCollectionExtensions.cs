using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Adapters.Redaction;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Adapters.Telemetry;

namespace MppIntegrationHub.Adapters;

/// <summary>Registers the adapter registry and compiled adapters.</summary>
public static class AdapterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the registry (as <see cref="IAdapterRegistry"/> and <see cref="ICapabilityInvoker"/>), the agencies'
    /// run-time controls, their telemetry, redaction of personal data in logs, the system clock and the agency transport
    /// clock (<see cref="AgencyPipeline.ClockKey"/>, the process clock by default), each only if not registered yet.
    /// </summary>
    public static IServiceCollection AddAdapterRegistry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(AdapterRegistry)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(AgencyPipeline.ClockKey, static (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton<AgencyControls>();
        services.AddMetrics();
        services.TryAddSingleton<AgencyTelemetry>();
        services.TryAddSingleton<AgencyResilienceEvents>();
        services.AddSingleton<AdapterRegistry>();
        services.TryAddSingleton<IAdapterRegistry>(sp => sp.GetRequiredService<AdapterRegistry>());
        services.TryAddSingleton<ICapabilityInvoker>(sp => sp.GetRequiredService<AdapterRegistry>());
        services.AddHubRedaction();
        return services;
    }

    /// <summary>
    /// Registers a compiled adapter with its options (defaults, then <paramref name="configure"/>; validated on start,
    /// every error at once), its agency's resilience pipeline and its place in the registry. Throws when the adapter
    /// is already registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="agency">Agency id; also the pipeline's key.</param>
    /// <param name="defaults">The adapter's own defaults (id, capabilities, auth kind, limits).</param>
    /// <param name="configure">The host's configuration (base URL, credentials, limits).</param>
    public static AgencyAdapterBuilder<TOptions> AddCompiledAdapter<TAdapter, TOptions>(
        this IServiceCollection services,
        string agency,
        Action<TOptions> defaults,
        Action<TOptions>? configure)
        where TAdapter : class, IAgencyAdapter
        where TOptions : AdapterManifest
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(TAdapter)))
        {
            throw new InvalidOperationException(
                $"The {typeof(TAdapter).Name} is already registered: register each adapter once and configure it through the returned builder.");
        }

        services.AddAdapterRegistry();
        services.AddOptions<TOptions>().Configure(defaults).Configure(configure ?? (_ => { })).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, AdapterManifestValidator<TOptions>>());
        services.AddSingleton<TAdapter>();
        services.AddSingleton<IAgencyAdapter>(sp => sp.GetRequiredService<TAdapter>());
        services.AddAgencyPipeline<TOptions>(agency);
        return new AgencyAdapterBuilder<TOptions>(services, agency);
    }
}
