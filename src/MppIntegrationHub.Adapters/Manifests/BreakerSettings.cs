namespace MppIntegrationHub.Adapters.Manifests;

/// <summary>The agency's circuit breaker: opens when failures reach a ratio of the calls sampled.</summary>
public sealed class BreakerSettings
{
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the breaker may open.</summary>
    public int MinimumThroughput { get; set; } = 10;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the breaker stays open before it lets a probe through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    internal void CollectErrors(ICollection<string> errors)
    {
        AdapterManifest.Require(errors, FailureRatio is > 0 and <= 1, "Breaker.FailureRatio must be above 0 and at most 1.");
        AdapterManifest.Require(errors, MinimumThroughput is >= 2 and <= 10_000, "Breaker.MinimumThroughput must be between 2 and 10000.");
        AdapterManifest.Require(errors, SamplingDuration >= TimeSpan.FromMilliseconds(500) && SamplingDuration <= TimeSpan.FromDays(1), "Breaker.SamplingDuration must be between 500 ms and 1 day.");
        AdapterManifest.Require(errors, BreakDuration >= TimeSpan.FromMilliseconds(500) && BreakDuration <= TimeSpan.FromDays(1), "Breaker.BreakDuration must be between 500 ms and 1 day.");
    }
}
