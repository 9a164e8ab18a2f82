using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Benchmarks.Regions;

/// <summary>
/// Start-up cost of the region directory (goal: under 300 ms). Baseline: only reading the embedded CSV's lines, the
/// floor any loader pays.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, iterationCount: 10)]
public class RegionLoadBenchmarks
{
    private const string Resource = "MppIntegrationHub.Contracts.Regions.kode-wilayah-2025.csv";

    [Benchmark(Baseline = true)]
    public int ReadLinesOnly()
    {
        using var reader = Open();
        var count = 0;
        while (reader.ReadLine() is not null)
        {
            count++;
        }

        return count;
    }

    [Benchmark]
    public int LoadDirectory()
    {
        using var reader = Open();
        return RegionDirectory.Load(reader).VillageCount;
    }

    private static StreamReader Open() =>
        new(typeof(RegionDirectory).Assembly.GetManifestResourceStream(Resource)!);
}
