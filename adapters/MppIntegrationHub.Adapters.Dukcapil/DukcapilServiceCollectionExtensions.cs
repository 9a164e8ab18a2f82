using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Adapters.Dukcapil;
using MppIntegrationHub.Adapters.Dukcapil.KtpReplacement;
using MppIntegrationHub.Adapters.Dukcapil.Registry;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Adapters;

/// <summary>Registers the Dukcapil adapter.</summary>
public static class DukcapilServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Dukcapil adapter (identity verification, registry profile, face match, e-KTP replacement) with
    /// its clients, resilience pipeline and place in the registry. Call once; <paramref name="configure"/> sets the
    /// base URL and credentials. Options are validated on start.
    /// </summary>
    public static AgencyAdapterBuilder<DukcapilAdapterOptions> AddDukcapilAdapter(
        this IServiceCollection services, Action<DukcapilAdapterOptions>? configure = null)
    {
        var builder = services.AddCompiledAdapter<DukcapilAdapter, DukcapilAdapterOptions>(DukcapilCodes.Agency, Defaults, configure);

        // get_json services only read (verification, retrieval, face match): safe to retry without an idempotency key.
        services.AddAgencyRefitClient<IDukcapilRegistryApi, DukcapilAdapterOptions>(DukcapilCodes.Agency, postsOnlyRead: true, json: DukcapilJson.Default);
        services.AddAgencyRefitClient<IKtpReplacementApi, DukcapilAdapterOptions>(
            DukcapilCodes.Agency,
            client => client.AddHttpMessageHandler(sp => new ApiKeyHandler(() => sp.GetRequiredService<IOptions<DukcapilAdapterOptions>>().Value.ApiKey)),
            json: DukcapilJson.Default);
        services.AddAgencyCallbackTranslator<KtpReplacementCallbackTranslator>();
        return builder;
    }

    private static void Defaults(DukcapilAdapterOptions options)
    {
        options.Id = "dukcapil";
        options.Agency = DukcapilCodes.Agency;
        options.Version = "1.0.0";
        options.Auth = AgencyAuthKind.BodyCredentials;
        foreach (var capability in new CapabilityDescriptor[]
        {
            CanonicalCapabilities.IdentityVerify, CanonicalCapabilities.PopulationProfile, CanonicalCapabilities.FaceMatch,
            CanonicalCapabilities.PopulationDocumentRequest, CanonicalCapabilities.PopulationDocumentStatus,
        })
        {
            options.Capabilities.Add(capability.Name);
        }
    }
}
