using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters.Billing;
using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Adapters;

/// <summary>Registers the PNBP billing adapter.</summary>
public static class BillingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SIMPONI billing adapter (create a billing code, read its status) with its client, resilience
    /// pipeline and place in the registry. Call once; <paramref name="configure"/> sets the base URL and API key.
    /// </summary>
    public static AgencyAdapterBuilder<BillingAdapterOptions> AddBillingAdapter(this IServiceCollection services, Action<BillingAdapterOptions>? configure = null)
    {
        var builder = services.AddCompiledAdapter<BillingAdapter, BillingAdapterOptions>(BillingAdapter.Agency, options =>
        {
            options.Id = "billing";
            options.Agency = BillingAdapter.Agency;
            options.Capabilities.Add(CanonicalCapabilities.BillingCreate.Name);
            options.Capabilities.Add(CanonicalCapabilities.BillingStatus.Name);
        }, configure);
        services.AddRestAgencyClient<ISimponiApi, BillingAdapterOptions>(BillingAdapter.Agency);
        services.AddAgencyCallbackTranslator<BillingCallbackTranslator>();
        return builder;
    }
}
