using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Declarative.Manifests;
using MppIntegrationHub.Adapters.Declarative.Runtime;
using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Benchmarks.DeclarativeAdapters;

/// <summary>
/// Per-call cost of the BPJS membership check through the declarative adapter (JMESPath mappings) against the same
/// agency as a compiled adapter, both on the SDK's agency pipeline and the response size limit, over an in-memory
/// agency. Both are called the way the registry and workflows call them: canonical JSON in, canonical JSON out.
/// Goal: declarative ≤ 1.5x compiled.
/// </summary>
[MemoryDiagnoser]
public class DeclarativeAdapterBenchmarks
{
    private readonly CallContext _context = new(ClientId: "benchmark");
    private readonly JsonElement _input = JsonSerializer.SerializeToElement(new { nik = "3273010101900001" });
    private ServiceProvider _services = null!;
    private BpjsCompiledAdapter _compiled = null!;
    private DeclarativeAdapter _declarative = null!;
    private AgencyResiliencePipeline _compiledPipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "bpjs-kesehatan-membership.adapter.json")))!;
        node["baseUrl"] = "http://bpjs.test/vclaim/";
        // Quota out of the way: the benchmark measures the adapters, not the agency's limit.
        node["quota"] = new JsonObject { ["permitLimit"] = 100_000, ["window"] = "PT0.01S", ["queueLimit"] = 0 };
        var manifest = node.Deserialize<DeclarativeAdapterManifest>(HubJson.Options)!;
        var answer = manifest.Operations[0].Examples[0].AgencyResponse.GetRawText();

        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddAdapterRegistry()
            .AddSingleton<DeclarativeCredentials>()
            .AddSingleton<DeclarativeAdapterFactory>()
            .AddHttpClient(DeclarativeAdapterFactory.HttpClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new CannedAgencyHandler(answer))
            .Services
            .BuildServiceProvider();
        _declarative = _services.GetRequiredService<DeclarativeAdapterFactory>().CreateLive(manifest);

        var sdkManifest = manifest.ToAdapterManifest();
        _compiledPipeline = AgencyPipeline.Build(
            sdkManifest, new AgencyControl("bpjs-compiled"), _services.GetRequiredService<AgencyResilienceEvents>(), TimeProvider.System);
        var http = new HttpClient(new ResilienceHandler(_compiledPipeline.Pipeline)
        {
            InnerHandler = new ResponseSizeLimitHandler("bpjs-compiled", sdkManifest.MaxResponseBytes) { InnerHandler = new CannedAgencyHandler(answer) },
        })
        { BaseAddress = sdkManifest.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        _compiled = new BpjsCompiledAdapter(sdkManifest, http);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _declarative.Dispose();
        _compiledPipeline.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<JsonElement> Compiled() => _compiled.InvokeAsync(BpjsCompiledAdapter.Check.Name, _input, _context, CancellationToken.None);

    [Benchmark]
    public Task<JsonElement> Declarative() => _declarative.InvokeAsync(BpjsCompiledAdapter.Check.Name, _input, _context, CancellationToken.None);
}
