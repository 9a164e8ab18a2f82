namespace MppIntegrationHub.Adapters.Manifests;

/// <summary>How long one attempt, and the whole call with its retries, may take.</summary>
public sealed class TimeoutSettings
{
    public TimeSpan Attempt { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Total { get; set; } = TimeSpan.FromSeconds(30);

    internal void CollectErrors(ICollection<string> errors)
    {
        AdapterManifest.Require(errors, Attempt >= TimeSpan.FromMilliseconds(10) && Attempt <= TimeSpan.FromHours(1), "Timeouts.Attempt must be between 10 ms and 1 hour.");
        AdapterManifest.Require(errors, Total >= TimeSpan.FromMilliseconds(10) && Total <= TimeSpan.FromHours(1), "Timeouts.Total must be between 10 ms and 1 hour.");
        AdapterManifest.Require(errors, Total >= Attempt, "Timeouts.Total must not be shorter than Timeouts.Attempt.");
    }
}
