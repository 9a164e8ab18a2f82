using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Dukcapil.Registry;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Verification;
using Refit;

namespace MppIntegrationHub.Benchmarks.Adapters;

/// <summary>
/// Cost of one adapter call beyond the HTTP exchange (goal: at most 3 µs and 4 KB): registry routing, the Dukcapil
/// adapter's request building, Refit, the agency's resilience pipeline (timeouts, retry, breaker, rate limiter), the
/// size limit and the mapping of the verdicts, against an in-memory handler that answers a canned Dukcapil page.
/// Baseline: a raw HttpClient posting the same body to the same handler and reading the answer as text.
/// </summary>
[MemoryDiagnoser]
public class DukcapilAdapterCallBenchmarks
{
    private static readonly Uri Registry = new("http://dukcapil.invalid/");

    private readonly IdentityVerificationRequest _request = new()
    {
        Nik = Nik.Parse("3273021205909001", new DateOnly(2026, 11, 23)),
        FullName = "BUDI SANTOSO",
        BirthPlace = "BANDUNG",
        BirthDate = new DateOnly(1990, 5, 12),
        Sex = Sex.Male,
    };

    private readonly byte[] _rawBody = Encoding.UTF8.GetBytes(
        """{"NIK":"3273021205909001","user_id":"mpp","password":"secret","IP_USER":"10.0.0.1","TRESHOLD":"80","NAMA_LGKP":"BUDI SANTOSO","TMPT_LHR":"BANDUNG","TGL_LHR":"12-05-1990","JENIS_KLMIN":"Laki-Laki"}""");

    private ServiceProvider _services = null!;
    private ICapabilityInvoker _invoker = null!;
    private HttpClient _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new CannedDukcapilHandler();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDukcapilAdapter(options =>
        {
            options.BaseUrl = Registry;
            options.CustomerId = "MPPDIGITAL01";
            options.UserId = "mpp";
            options.Password = "secret";
            options.IpUser = "10.0.0.1";
            options.ApiKey = "key";
            options.Quota.PermitLimit = 100_000;
            options.Quota.Window = TimeSpan.FromMilliseconds(10);
        });

        // Configured after the adapter so it replaces the client's socket handler.
        services.AddHttpClient(UniqueName.ForType<IDukcapilRegistryApi>()).ConfigurePrimaryHttpMessageHandler(() => handler);
        _services = services.BuildServiceProvider();
        _invoker = _services.GetRequiredService<ICapabilityInvoker>();
        _raw = new HttpClient(handler, disposeHandler: false) { BaseAddress = Registry };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> RawHttpClient()
    {
        using var content = new ByteArrayContent(_rawBody);
        using var response = await _raw.PostAsync(new Uri("dukcapil/get_json/MPPDIGITAL01/CALL_VERIFY_BY_ELEMEN", UriKind.Relative), content);
        return (await response.Content.ReadAsStringAsync()).Length;
    }

    [Benchmark]
    public async Task<VerificationDecision> AdapterVerify() =>
        (await _invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, _request, new CallContext())).Decision;
}
