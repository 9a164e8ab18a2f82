namespace MppIntegrationHub.Hub.Callbacks;

/// <summary>
/// Per-agency callback secrets (configuration section <c>Hub:AgencyCallbacks</c>, agency id → secret). They are
/// separate from portal clients: an agency can only report case changes, never call the portal API.
/// </summary>
public sealed record AgencyCallbackOptions
{
    public const string Section = "Hub:AgencyCallbacks";

    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// How old (by the agency's own update time) a callback may be. Every accepted body is remembered this long, so a
    /// replay inside the window is refused as a duplicate and one outside it as too old.
    /// </summary>
    public TimeSpan ReplayWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long a callback waits for the broker to take its update before answering 503 (the agency sends it again).</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
