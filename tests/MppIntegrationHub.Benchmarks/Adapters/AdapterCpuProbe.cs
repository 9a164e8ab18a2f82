using System.Diagnostics;

namespace MppIntegrationHub.Benchmarks.Adapters;

/// <summary>
/// CPU time and allocations per call of both <see cref="DukcapilAdapterCallBenchmarks"/> methods, measured in process:
/// on a machine shared with other builds wall-clock means are noise, process CPU time per operation is not.
/// Interleaves rounds of the two methods so both see the same machine.
/// </summary>
internal static class AdapterCpuProbe
{
    public static void Run(int calls, int rounds)
    {
        var benchmarks = new DukcapilAdapterCallBenchmarks();
        benchmarks.Setup();
        try
        {
            var raw = new List<(double Cpu, double Bytes)>();
            var adapter = new List<(double Cpu, double Bytes)>();
            Measure(() => benchmarks.RawHttpClient().GetAwaiter().GetResult(), calls);
            Measure(() => benchmarks.AdapterVerify().GetAwaiter().GetResult(), calls);
            for (var round = 0; round < rounds; round++)
            {
                raw.Add(Measure(() => benchmarks.RawHttpClient().GetAwaiter().GetResult(), calls));
                adapter.Add(Measure(() => benchmarks.AdapterVerify().GetAwaiter().GetResult(), calls));
            }

            var rawCpu = Median(raw.ConvertAll(r => r.Cpu));
            var adapterCpu = Median(adapter.ConvertAll(r => r.Cpu));
            Console.WriteLine($"RawHttpClient  CPU {rawCpu,8:N0} ns/op  {raw[^1].Bytes,8:N0} B/op");
            Console.WriteLine($"AdapterVerify  CPU {adapterCpu,8:N0} ns/op  {adapter[^1].Bytes,8:N0} B/op");
            Console.WriteLine($"Adapter adds   CPU {adapterCpu - rawCpu,8:N0} ns/op  {adapter[^1].Bytes - raw[^1].Bytes,8:N0} B/op (medians of {rounds} rounds of {calls:N0} calls)");
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static (double Cpu, double Bytes) Measure<T>(Func<T> call, int calls)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            call();
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        process.Refresh();
        var spent = process.TotalProcessorTime - cpu;
        return (spent.TotalNanoseconds / calls, (double)allocated / calls);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
