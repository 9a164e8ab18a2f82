using System.Text.Json;

namespace MppIntegrationHub.Adapters.Callbacks;

/// <summary>An agency's callback in canonical terms.</summary>
/// <param name="Reference">The agency's reference of the case (registration number, billing code).</param>
/// <param name="UpdatedAt">When the agency says the change happened.</param>
/// <param name="Update">The status capability's canonical answer (<c>HubJson</c>), exactly as a poll would have returned it.</param>
public sealed record AgencyCallback(string Reference, DateTimeOffset UpdatedAt, JsonElement Update);
