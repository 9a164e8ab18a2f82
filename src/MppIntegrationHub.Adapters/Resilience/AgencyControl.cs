using System.Threading.RateLimiting;
using Polly.CircuitBreaker;

namespace MppIntegrationHub.Adapters.Resilience;

/// <summary>Run-time handles on one agency's pipeline: its breaker's state and the operator's retry switch.</summary>
public sealed class AgencyControl(string agency)
{
    private volatile bool _retriesEnabled = true;

    public string Agency { get; } = agency;

    /// <summary>Reads the breaker's state (closed, open, half-open) for health reports.</summary>
    public CircuitBreakerStateProvider Breaker { get; } = new();

    /// <summary>The limiter enforcing the agency's quota, set when its pipeline is built.</summary>
    public RateLimiter? Quota { get; set; }

    /// <summary>Calls the quota still allows now; null before the pipeline exists.</summary>
    public long? QuotaPermitsAvailable => Quota?.GetStatistics()?.CurrentAvailablePermits;

    /// <summary>Operator kill switch: when off, the agency's calls are tried once and never retried.</summary>
    public bool RetriesEnabled
    {
        get => _retriesEnabled;
        set => _retriesEnabled = value;
    }
}
