using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Adapters.Sim;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Adapters;

/// <summary>Registers the Korlantas SIM adapter.</summary>
public static class SimServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Korlantas SIM adapter (eligibility, e-Rikkes, e-PPsi, renewal, status) with its client,
    /// resilience pipeline and place in the registry. Call once; <paramref name="configure"/> sets the base URL and API key.
    /// </summary>
    public static AgencyAdapterBuilder<SimAdapterOptions> AddSimAdapter(this IServiceCollection services, Action<SimAdapterOptions>? configure = null)
    {
        var builder = services.AddCompiledAdapter<SimAdapter, SimAdapterOptions>(SimAdapter.Agency, options =>
        {
            options.Id = SimAdapter.Agency;
            options.Agency = SimAdapter.Agency;
            foreach (var capability in new CapabilityDescriptor[]
            {
                CanonicalCapabilities.DrivingLicenceEligibility, CanonicalCapabilities.DrivingHealthResult, CanonicalCapabilities.DrivingPsychologyResult,
                CanonicalCapabilities.DrivingLicenceRenew, CanonicalCapabilities.DrivingLicenceStatus,
            })
            {
                options.Capabilities.Add(capability.Name);
            }
        }, configure);
        services.AddRestAgencyClient<ISimApi, SimAdapterOptions>(SimAdapter.Agency);
        services.AddAgencyCallbackTranslator<SimCallbackTranslator>();
        return builder;
    }
}
