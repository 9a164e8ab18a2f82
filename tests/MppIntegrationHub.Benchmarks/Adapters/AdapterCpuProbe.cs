using System.Diagnostics;
using System.Diagnostics.Metrics;
using MppIntegrationHub.Adapters.Telemetry;

namespace MppIntegrationHub.Benchmarks.Adapters;

/// <summary>
/// CPU time and allocations per call of both <see cref="DukcapilAdapterCallBenchmarks"/> methods, measured in process:
/// on a machine shared with other builds wall-clock means are noise, process CPU time per operation is not.
/// Interleaves rounds of the two methods so both see the same machine, then repeats with the adapters' span and the
/// adapters' meter listened to, as an exporter would.
/// </summary>
internal static class AdapterCpuProbe
{
    public static void Run(int calls, int rounds)
    {
        var benchmarks = new DukcapilAdapterCallBenchmarks();
        benchmarks.Setup();
        try
        {
            Measure(() => benchmarks.RawHttpClient().GetAwaiter().GetResult(), calls);
            Measure(() => benchmarks.AdapterVerify().GetAwaiter().GetResult(), calls);
            Report("no listener", benchmarks, calls, rounds);
            using var listeners = Listen();
            Report("listened", benchmarks, calls, rounds);
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static void Report(string telemetry, DukcapilAdapterCallBenchmarks benchmarks, int calls, int rounds)
    {
        var raw = new List<(double Cpu, double Bytes)>();
        var adapter = new List<(double Cpu, double Bytes)>();
        for (var round = 0; round < rounds; round++)
        {
            raw.Add(Measure(() => benchmarks.RawHttpClient().GetAwaiter().GetResult(), calls));
            adapter.Add(Measure(() => benchmarks.AdapterVerify().GetAwaiter().GetResult(), calls));
        }

        // The fastest round is the one least disturbed by other processes; the median shows how disturbed the rest were.
        var (rawFastest, rawMedian) = Summary(raw.ConvertAll(r => r.Cpu));
        var (adapterFastest, adapterMedian) = Summary(adapter.ConvertAll(r => r.Cpu));
        Console.WriteLine($"Telemetry {telemetry}: CPU per call, fastest (median) of {rounds} rounds of {calls:N0} calls; allocated per call");
        Console.WriteLine($"  RawHttpClient  {rawFastest,8:N0} ns ({rawMedian,8:N0} ns)  {raw[^1].Bytes,8:N0} B");
        Console.WriteLine($"  AdapterVerify  {adapterFastest,8:N0} ns ({adapterMedian,8:N0} ns)  {adapter[^1].Bytes,8:N0} B");
        Console.WriteLine($"  Adapter adds   {adapterFastest - rawFastest,8:N0} ns ({adapterMedian - rawMedian,8:N0} ns)  {adapter[^1].Bytes - raw[^1].Bytes,8:N0} B");
    }

    private static CompositeDisposable Listen()
    {
        var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AgencyTelemetry.ActivitySourceName,
            Sample = static (ref _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(activities);
        var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name is AgencyTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        meters.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        meters.SetMeasurementEventCallback<int>(static (_, _, _, _) => { });
        meters.Start();
        return new CompositeDisposable(activities, meters);
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

    private static (double Fastest, double Median) Summary(List<double> values)
    {
        values.Sort();
        return (values[0], values[values.Count / 2]);
    }

    private sealed class CompositeDisposable(params IDisposable[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var part in parts)
            {
                part.Dispose();
            }
        }
    }
}
