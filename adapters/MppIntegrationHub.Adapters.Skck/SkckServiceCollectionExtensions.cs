using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Adapters.Skck;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Adapters;

/// <summary>Registers the SKCK adapter.</summary>
public static class SkckServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Polri SKCK adapter (submit, status) with its client, resilience pipeline and place in the
    /// registry. Call once; <paramref name="configure"/> sets the base URL and API key.
    /// </summary>
    public static AgencyAdapterBuilder<SkckAdapterOptions> AddSkckAdapter(this IServiceCollection services, Action<SkckAdapterOptions>? configure = null)
    {
        var builder = services.AddCompiledAdapter<SkckAdapter, SkckAdapterOptions>(SkckAdapter.Agency, options =>
        {
            options.Id = SkckAdapter.Agency;
            options.Agency = SkckAdapter.Agency;
            options.Capabilities.Add(CanonicalCapabilities.PoliceClearanceSubmit.Name);
            options.Capabilities.Add(CanonicalCapabilities.PoliceClearanceStatus.Name);
        }, configure);
        services.AddRestAgencyClient<ISkckApi, SkckAdapterOptions>(SkckAdapter.Agency);
        services.AddAgencyCallbackTranslator<SkckCallbackTranslator>();
        return builder;
    }
}
