using System.ComponentModel.DataAnnotations;

namespace MppIntegrationHub.Hub.Webhooks;

/// <summary>Webhook delivery settings (configuration section <c>Hub:Webhooks</c>).</summary>
public sealed record WebhookOptions
{
    public const string Section = "Hub:Webhooks";

    /// <summary>Attempts before a delivery is given up as failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Wait before the second attempt; doubles per attempt.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Per-attempt timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest sleep of the dispatcher when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Networks (CIDR, e.g. <c>127.0.0.0/8</c>) the hub may deliver to although they are loopback, private or
    /// link-local. Empty by default: portals are reached on public addresses; tests and on-premises portals list theirs.
    /// </summary>
    public IReadOnlyList<string> AllowedPrivateNetworks { get; init; } = [];

    /// <summary>Subscriptions a client may hold.</summary>
    [Range(1, 100)]
    public int MaxSubscriptionsPerClient { get; init; } = 10;
}
