using MppIntegrationHub.Adapters.Declarative.Manifests;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Adapters.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Newtonsoft.Json.Linq;

namespace MppIntegrationHub.Adapters.Declarative.Runtime;

/// <summary>
/// Builds a runnable version of a manifest: the SDK's agency pipeline (<see cref="AgencyPipeline"/>) built from the
/// manifest at run time, then authentication, then the response size limit, over the hub's pooled primary handler.
/// Pipelines and token lifetimes run on the agency transport clock (<see cref="AgencyPipeline.ClockKey"/>), as the
/// compiled adapters' do.
/// </summary>
public sealed class DeclarativeAdapterFactory(
    IHttpMessageHandlerFactory handlers,
    AgencyControls controls,
    AgencyResilienceEvents events,
    DeclarativeCredentials credentials,
    [FromKeyedServices(AgencyPipeline.ClockKey)] TimeProvider clock)
{
    /// <summary>Named HTTP client whose primary handler declarative adapters use (tests and benchmarks replace it).</summary>
    public const string HttpClientName = "mpp-declarative";

    /// <summary>A live version on the production URL, owning the agency's breaker from now on.</summary>
    public DeclarativeAdapter CreateLive(DeclarativeAdapterManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return Create(manifest, manifest.ToAdapterManifest(), controls.Renew(manifest.Agency));
    }

    /// <summary>A candidate on the sandbox URL, with a breaker of its own so probing never trips the live agency's, and no retries (a probe reports, it does not insist).</summary>
    public DeclarativeAdapter CreateProbe(DeclarativeAdapterManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return Create(manifest, manifest.ToAdapterManifest(manifest.SandboxUrl ?? manifest.BaseUrl), new AgencyControl(manifest.Agency) { RetriesEnabled = false });
    }

    private DeclarativeAdapter Create(DeclarativeAdapterManifest source, AdapterManifest manifest, AgencyControl control)
    {
        var pipeline = AgencyPipeline.Build(manifest, control, events, clock);

        HttpMessageHandler inner = new ResponseSizeLimitHandler(manifest.Agency, manifest.MaxResponseBytes)
        {
            InnerHandler = handlers.CreateHandler(HttpClientName),
        };
        inner = Authenticate(source, manifest, inner);
        var http = new HttpClient(new ResilienceHandler(pipeline.Pipeline) { InnerHandler = inner })
        {
            BaseAddress = EnsureTrailingSlash(manifest.BaseUrl!),
            // The pipeline's total timeout governs; HttpClient's own would cut retries short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new DeclarativeAdapter(source, manifest, http, BodyCredentials(source), pipeline);
    }

    private HttpMessageHandler Authenticate(DeclarativeAdapterManifest source, AdapterManifest manifest, HttpMessageHandler inner) => source.Auth.Kind switch
    {
        AgencyAuthKind.ApiKey => new ApiKeyHandler(() => credentials.Get(source.Id, "ApiKey"), source.Auth.ApiKeyHeader) { InnerHandler = inner },
        AgencyAuthKind.OAuth2ClientCredentials => new ClientCredentialsHandler(
            new Uri(EnsureTrailingSlash(manifest.BaseUrl!), source.Auth.TokenPath!.TrimStart('/')),
            source.Auth.Scope,
            () => (credentials.Get(source.Id, "ClientId"), credentials.Get(source.Id, "ClientSecret")),
            clock) { InnerHandler = inner },
        _ => inner,
    };

    private Action<JObject>? BodyCredentials(DeclarativeAdapterManifest source) => source.Auth.Kind == AgencyAuthKind.BodyCredentials
        ? body =>
        {
            body[source.Auth.UserField] = credentials.Get(source.Id, "User");
            body[source.Auth.PasswordField] = credentials.Get(source.Id, "Password");
        }
        : null;

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
