namespace MppIntegrationHub.Hub.Callbacks;

/// <summary>
/// Per-agency callback secrets (configuration section <c>Hub:AgencyCallbacks</c>, agency id → secret). They are
/// separate from portal clients: an agency can only report case changes, never call the portal API.
/// </summary>
public sealed record AgencyCallbackOptions
{
    public const string Section = "Hub:AgencyCallbacks";

    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();
}
