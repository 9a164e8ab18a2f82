using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Adapters.Rest;
using Refit;

namespace MppIntegrationHub.Adapters.Resilience;

/// <summary>Registers agency pipelines and the typed agency clients that run through them.</summary>
public static class AgencyHttpClientExtensions
{
    /// <summary>
    /// How long an agency connection is reused before a new one is opened (with a fresh DNS lookup). Compiled adapters
    /// are singletons holding one client, so the factory's handler rotation never reaches them: the socket handler's
    /// own connection lifetime does, at no cost per call.
    /// </summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Registers the one resilience pipeline of <paramref name="agency"/> (a keyed <see cref="AgencyResiliencePipeline"/>),
    /// built on first use from the manifest options <typeparamref name="TOptions"/> and disposed with the host. Throws
    /// when the agency already has one.
    /// </summary>
    public static IServiceCollection AddAgencyPipeline<TOptions>(this IServiceCollection services, string agency)
        where TOptions : AdapterManifest
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.IsKeyedService && d.ServiceType == typeof(AgencyResiliencePipeline) && Equals(d.ServiceKey, agency)))
        {
            throw new InvalidOperationException($"The resilience pipeline of agency '{agency}' is already registered.");
        }

        services.AddKeyedSingleton(agency, (sp, _) =>
        {
            var manifest = sp.GetRequiredService<IOptions<TOptions>>().Value;
            return AgencyPipeline.Build(
                manifest,
                sp.GetRequiredService<AgencyControls>().For(agency),
                sp.GetRequiredService<AgencyResilienceEvents>(),
                sp.GetRequiredKeyedService<TimeProvider>(AgencyPipeline.ClockKey));
        });
        return services;
    }

    /// <summary>
    /// Registers a Refit client <typeparamref name="TApi"/> (source-generated: Refit 16 builds requests inline, no
    /// reflection) for <paramref name="agency"/>: System.Text.Json with <see cref="AgencyJson"/> through
    /// <see cref="AgencyJsonContentSerializer"/>, base address from the manifest, the agency's pipeline as the outermost handler (each
    /// retry re-runs authentication), then <paramref name="addAuthentication"/>'s handlers, then the response size limit, over
    /// a socket handler that renews its connections every <see cref="ConnectionLifetime"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="agency">Agency whose pipeline the client uses (registered with <see cref="AddAgencyPipeline{TOptions}"/>).</param>
    /// <param name="addAuthentication">Adds the agency's authentication handlers, if it needs any.</param>
    /// <param name="postsOnlyRead">True when every POST of this API only reads, so the pipeline may retry it.</param>
    /// <param name="json">The agency's source-generated wire types (<see cref="AgencyJson.For"/>), if it has them.</param>
    public static IHttpClientBuilder AddAgencyRefitClient<TApi, TOptions>(
        this IServiceCollection services,
        string agency,
        Action<IHttpClientBuilder>? addAuthentication = null,
        bool postsOnlyRead = false,
        JsonSerializerContext? json = null)
        where TApi : class
        where TOptions : AdapterManifest
    {
        var serializer = json is null ? AgencyJsonContentSerializer.Default : new AgencyJsonContentSerializer(AgencyJson.For(json));
        var settings = new RefitSettings(serializer)
        {
            RequestBodySerialization = RequestBodySerializationMode.Buffered,
            HttpRequestMessageOptions = postsOnlyRead
                ? new Dictionary<string, object> { [AgencyRequestOptions.ReadOnlyName] = true }
                : null,
        };
        var client = services
            .AddRefitGeneratedClient<TApi>(settings)
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<TOptions>>().Value.BaseUrl;

                // The pipeline's total timeout governs; HttpClient's own would cut retries short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = ConnectionLifetime })

            // The factory's request logs carry header values (API keys, bearer tokens) in their structured state even
            // when the message redacts them, and URLs with NIKs: agency calls are logged by the pipeline's events
            // (AgencyResilienceEvents) and the adapters' classified log events instead.
            .RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new ResilienceHandler(sp.GetRequiredKeyedService<AgencyResiliencePipeline>(agency).Pipeline));
        addAuthentication?.Invoke(client);
        return client.AddHttpMessageHandler(sp =>
            new ResponseSizeLimitHandler(agency, sp.GetRequiredService<IOptions<TOptions>>().Value.MaxResponseBytes));
    }
}
