using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// Caps the retries one process sends an agency per minute, so an outage across thousands of paused
/// applications does not turn into a retry storm when the agency comes back: retries over the cap wait for a
/// later minute.
/// </summary>
internal sealed class AgencyRetryBudget(IOptions<OrchestrationOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly int _perWindow = options.Value.AgencyRetriesPerMinute;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>How long beyond its backoff a retry at <paramref name="now"/> must wait for budget.</summary>
    public TimeSpan Reserve(string agency, DateTimeOffset now)
    {
        var bucket = _buckets.GetOrAdd(agency, _ => new Bucket());
        lock (bucket)
        {
            var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % Window.Ticks), TimeSpan.Zero);
            if (bucket.WindowStart < windowStart)
            {
                bucket.WindowStart = windowStart;
                bucket.Used = 0;
            }

            // Retries beyond this window's cap are spread over the following windows.
            var windowsAhead = bucket.Used / _perWindow;
            bucket.Used++;
            return windowsAhead == 0 ? TimeSpan.Zero : (windowStart + (Window * windowsAhead)) - now;
        }
    }

    private sealed class Bucket
    {
        public DateTimeOffset WindowStart { get; set; }

        public int Used { get; set; }
    }
}
