namespace MppIntegrationHub.Adapters.Manifests;

/// <summary>The agency's published quota: at most <see cref="PermitLimit"/> calls per <see cref="Window"/>.</summary>
public sealed class QuotaSettings
{
    public int PermitLimit { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Calls that wait for a permit before the limiter refuses (rate-limited error).</summary>
    public int QueueLimit { get; set; } = 100;

    internal void CollectErrors(ICollection<string> errors)
    {
        AdapterManifest.Require(errors, PermitLimit is >= 1 and <= 100_000, "Quota.PermitLimit must be between 1 and 100000.");
        AdapterManifest.Require(errors, Window >= TimeSpan.FromMilliseconds(10) && Window <= TimeSpan.FromDays(1), "Quota.Window must be between 10 ms and 1 day.");
        AdapterManifest.Require(errors, QueueLimit is >= 0 and <= 100_000, "Quota.QueueLimit must be between 0 and 100000.");
    }
}
