using BenchmarkDotNet.Attributes;
using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Benchmarks.Regions;

/// <summary>
/// Region lookups after start-up must not allocate. Baseline: the obvious Dictionary&lt;string, string&gt; keyed by
/// the dotted code, which also does not allocate but needs the caller to hold the exact dotted string.
/// </summary>
[MemoryDiagnoser]
public class RegionLookupBenchmarks
{
    private readonly Dictionary<string, string> _naive = RegionDirectory.Default.All.ToDictionary(r => r.Code.Dotted, r => r.Name);
    private readonly RegionCode _village = RegionCode.Parse("32.73.01.1001");
    private readonly string _villageDotted = "32.73.01.1001";
    private readonly string _nik = "3273015708900003";

    [Benchmark(Baseline = true)]
    public string NaiveDictionaryByDottedString() => _naive[_villageDotted];

    [Benchmark]
    public string? ByRegionCode() => RegionDirectory.Default.TryGet(_village, out var region) ? region.Name : null;

    [Benchmark]
    public string? ByDottedText() => RegionDirectory.Default.TryGet(_villageDotted.AsSpan(), out var region) ? region.Name : null;

    [Benchmark]
    public string? DistrictOfNikDigits() => RegionDirectory.Default.TryGet(_nik.AsSpan(0, 6), out var region) ? region.Name : null;
}
