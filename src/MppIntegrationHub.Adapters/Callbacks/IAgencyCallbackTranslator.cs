using System.Text.Json;
using MppIntegrationHub.Contracts.Agencies;

namespace MppIntegrationHub.Adapters.Callbacks;

/// <summary>
/// Reads an agency's status callback (the same body its case GET answers) into the canonical case. Implemented by
/// the agency's adapter, so the agency's shape never passes the adapter; the hub's callback endpoint has already
/// checked the agency's signature.
/// </summary>
public interface IAgencyCallbackTranslator
{
    /// <summary>Agency id as in the callback path, e.g. <c>skck</c>.</summary>
    string Agency { get; }

    /// <summary>The case, or null when the body is not a case of this agency.</summary>
    AgencyCase? Translate(JsonElement body);
}
