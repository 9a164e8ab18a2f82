using System.ComponentModel;

namespace MppIntegrationHub.Adapters.Telemetry;

/// <summary>Calls to one agency in one-second buckets over the last minute, keyed by the second of a monotonic clock.</summary>
internal sealed class AgencyTraffic
{
    private const int Seconds = 60;
    private readonly Lock _gate = new();
    private readonly Bucket[] _buckets = new Bucket[Seconds];

    public void Add(long second, TimeSpan elapsed, bool failed)
    {
        lock (_gate)
        {
            ref var bucket = ref _buckets[second % Seconds];
            if (bucket.Second != second)
            {
                bucket = new Bucket { Second = second };
            }

            bucket.Calls++;
            bucket.Failures += failed ? 1 : 0;
            bucket.Elapsed += elapsed;
        }
    }

    public AgencyTrafficSnapshot Snapshot(long second)
    {
        var oldest = second - Seconds + 1;
        int calls = 0, failures = 0;
        var elapsed = TimeSpan.Zero;
        lock (_gate)
        {
            foreach (var bucket in _buckets.Where(b => b.Second >= oldest))
            {
                calls += bucket.Calls;
                failures += bucket.Failures;
                elapsed += bucket.Elapsed;
            }
        }

        return new AgencyTrafficSnapshot(calls, failures, calls == 0 ? null : Math.Round(elapsed.TotalMilliseconds / calls, 1));
    }

    private struct Bucket
    {
        public long Second;
        public int Calls;
        public int Failures;
        public TimeSpan Elapsed;
    }
}

[Description("Calls to an agency over the last minute, from this hub process.")]
public sealed record AgencyTrafficSnapshot(
    [property: Description("Capability calls in the last 60 seconds.")] int CallsPerMinute,
    [property: Description("Of which failed (any error kind).")] int FailuresPerMinute,
    [property: Description("Mean call duration in milliseconds, HTTP retries included; absent without calls.")] double? MeanLatencyMs = null)
{
    public static AgencyTrafficSnapshot None { get; } = new(0, 0, null);
}
