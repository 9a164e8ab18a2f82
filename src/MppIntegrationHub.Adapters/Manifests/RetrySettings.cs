namespace MppIntegrationHub.Adapters.Manifests;

/// <summary>Short HTTP retries on transient failures (long retries belong to the orchestrator).</summary>
public sealed class RetrySettings
{
    /// <summary>Retries after the first attempt; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff; doubles each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between attempts, also the cap on an agency's <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    internal void CollectErrors(ICollection<string> errors)
    {
        AdapterManifest.Require(errors, MaxRetries is >= 0 and <= 10, "Retry.MaxRetries must be between 0 and 10.");
        AdapterManifest.Require(errors, BaseDelay >= TimeSpan.Zero && BaseDelay <= TimeSpan.FromMinutes(1), "Retry.BaseDelay must be between 0 and 1 minute.");
        AdapterManifest.Require(errors, MaxDelay >= BaseDelay && MaxDelay <= TimeSpan.FromMinutes(5), "Retry.MaxDelay must be between Retry.BaseDelay and 5 minutes.");
    }
}
