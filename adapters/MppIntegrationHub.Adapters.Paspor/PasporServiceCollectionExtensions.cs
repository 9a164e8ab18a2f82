using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Adapters.Paspor;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Adapters;

/// <summary>Registers the Imigrasi passport adapter.</summary>
public static class PasporServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Imigrasi passport adapter (appointment book/cancel, application submit/status) with its client,
    /// resilience pipeline and place in the registry. Call once; <paramref name="configure"/> sets the base URL and API key.
    /// </summary>
    public static AgencyAdapterBuilder<PasporAdapterOptions> AddPasporAdapter(this IServiceCollection services, Action<PasporAdapterOptions>? configure = null)
    {
        var builder = services.AddCompiledAdapter<PasporAdapter, PasporAdapterOptions>(PasporAdapter.Agency, options =>
        {
            options.Id = PasporAdapter.Agency;
            options.Agency = PasporAdapter.Agency;
            foreach (var capability in new CapabilityDescriptor[]
            {
                CanonicalCapabilities.PassportAppointmentBook, CanonicalCapabilities.PassportAppointmentCancel,
                CanonicalCapabilities.PassportApplicationSubmit, CanonicalCapabilities.PassportApplicationStatus,
            })
            {
                options.Capabilities.Add(capability.Name);
            }
        }, configure);
        services.AddRestAgencyClient<IPasporApi, PasporAdapterOptions>(PasporAdapter.Agency);
        services.AddAgencyCallbackTranslator<PasporCallbackTranslator>();
        return builder;
    }
}
