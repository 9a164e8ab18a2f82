using System.Text.Json;

namespace MppIntegrationHub.Adapters.Dukcapil.Registry;

/// <summary>A typed <c>content[0]</c> record, which may carry an in-band failure instead of an answer.</summary>
public interface IRegistryRecord
{
    /// <summary>Dukcapil's <c>RESPONSE_CODE</c> (a string or a number), present only on failures.</summary>
    JsonElement? ResponseCode { get; }
}
