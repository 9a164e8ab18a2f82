using MppIntegrationHub.Adapters.Declarative.Manifests;
using MppIntegrationHub.Adapters.Declarative.Mapping;
using MppIntegrationHub.Adapters.Declarative.Runtime;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace MppIntegrationHub.Simulators.Declarative;

/// <summary>
/// A simulator of an agency that joined through a declarative manifest, for free: a WireMock.Net server on a loopback
/// port whose mappings are generated from the manifest's examples. Each example's input is run through the manifest's
/// own request mappings, so the twin answers exactly the requests the adapter sends.
/// </summary>
public sealed class DeclarativeAgencyTwin : IDisposable
{
    private readonly WireMockServer _server;

    private DeclarativeAgencyTwin(WireMockServer server)
    {
        _server = server;
        BaseUrl = new Uri($"http://127.0.0.1:{server.Port}/");
    }

    /// <summary>Root URL: set it as the manifest's base (or sandbox) URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Requests the twin received (WireMock's journal).</summary>
    public int RequestCount => _server.LogEntries.Count;

    /// <summary>Starts a twin on a free loopback port serving <paramref name="manifest"/>'s examples.</summary>
    public static DeclarativeAgencyTwin Start(DeclarativeAdapterManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var twin = new DeclarativeAgencyTwin(WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            MaxRequestLogCount = 1_000,
        }));
        twin.Serve(manifest);
        return twin;
    }

    /// <summary>Replaces the mappings with those of <paramref name="manifest"/> (a new version's examples).</summary>
    public void Serve(DeclarativeAdapterManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _server.ResetMappings();
        foreach (var operation in manifest.Operations)
        {
            var compiled = new CompiledOperation(operation);
            foreach (var example in operation.Examples)
            {
                _server.Given(Match(operation, compiled, example))
                    .WithTitle($"{operation.Capability}: {example.Name}")
                    .RespondWith(Response.Create()
                        .WithStatusCode(example.AgencyStatus)
                        .WithHeader("Content-Type", "application/json")
                        .WithBody(example.AgencyResponse.GetRawText()));
            }
        }
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private static IRequestBuilder Match(DeclarativeOperation operation, CompiledOperation compiled, OperationExample example)
    {
        var input = JsonBridge.ToToken(example.Input);
        var target = new Uri(new Uri("http://twin/"), compiled.RelativeUri(input));
        var request = Request.Create().WithPath(Uri.UnescapeDataString(target.AbsolutePath)).UsingMethod(operation.Method.ToUpperInvariant());
        foreach (var pair in target.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            request = request.WithParam(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts.ElementAtOrDefault(1) ?? string.Empty));
        }

        if (operation.Body is not null)
        {
            // Partial: body credentials the hub adds are not in the example.
            var body = JmesPathMapping.Compile(operation.Body).Evaluate(input).ToString(Newtonsoft.Json.Formatting.None);
            request = request.WithBody(new JsonPartialMatcher(body));
        }

        return request;
    }
}
