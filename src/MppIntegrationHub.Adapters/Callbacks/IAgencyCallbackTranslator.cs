using System.Text.Json;

namespace MppIntegrationHub.Adapters.Callbacks;

/// <summary>
/// Reads an agency's status callback (the same body its status GET answers) into the canonical answer of the
/// agency's status capability. Implemented beside the agency's adapter, so the agency's shape never passes it; the
/// hub's callback endpoint has already checked the agency's signature.
/// </summary>
public interface IAgencyCallbackTranslator
{
    /// <summary>Agency id as in the callback path, e.g. <c>skck</c>.</summary>
    string Agency { get; }

    /// <summary>The status capability whose waiting steps this agency's callbacks end, e.g. <c>police.clearance.status</c>.</summary>
    string Capability { get; }

    /// <summary>The update, or null when the body is not a case of this agency.</summary>
    AgencyCallback? Translate(JsonElement body);
}
