using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Adapters.SatuSehat;
using MppIntegrationHub.Adapters.SatuSehat.Authentication;
using MppIntegrationHub.Adapters.SatuSehat.Fhir;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Adapters;

/// <summary>Registers the SATUSEHAT adapter.</summary>
public static class SatuSehatServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SATUSEHAT adapter (health summary) with its token client, its FHIR client behind a cached,
    /// single-flight OAuth2 token, its resilience pipeline and its place in the registry. Call once;
    /// <paramref name="configure"/> sets the base URL and client credentials. Options are validated on start.
    /// </summary>
    public static AgencyAdapterBuilder<SatuSehatAdapterOptions> AddSatuSehatAdapter(
        this IServiceCollection services, Action<SatuSehatAdapterOptions>? configure = null)
    {
        var builder = services.AddCompiledAdapter<SatuSehatAdapter, SatuSehatAdapterOptions>(SatuSehatAdapter.Agency, Defaults, configure);
        services.TryAddSingleton<SatuSehatTokenProvider>();
        services.AddAgencyRefitClient<ISatuSehatAuthApi, SatuSehatAdapterOptions>(SatuSehatAdapter.Agency);
        services.AddAgencyRefitClient<ISatuSehatFhirApi, SatuSehatAdapterOptions>(SatuSehatAdapter.Agency, client =>
            client.AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredService<SatuSehatTokenProvider>())));
        return builder;
    }

    private static void Defaults(SatuSehatAdapterOptions options)
    {
        options.Id = SatuSehatAdapter.Agency;
        options.Agency = SatuSehatAdapter.Agency;
        options.Version = "1.0.0";
        options.Auth = AgencyAuthKind.OAuth2ClientCredentials;
        options.Capabilities.Add(CanonicalCapabilities.HealthSummary.Name);
    }
}
