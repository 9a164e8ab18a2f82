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
}
