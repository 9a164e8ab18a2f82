using System.Text.Json;

namespace MppIntegrationHub.Adapters.Declarative.Manifests;

/// <summary>A worked call: canonical input, the agency's answer, and the canonical output the mappings must produce.</summary>
public sealed record OperationExample
{
    public required string Name { get; init; }

    public required JsonElement Input { get; init; }

    /// <summary>HTTP status the agency answers with.</summary>
    public int AgencyStatus { get; init; } = 200;

    /// <summary>The agency's JSON body.</summary>
    public required JsonElement AgencyResponse { get; init; }

    /// <summary>The canonical output expected; null when the example shows a failure.</summary>
    public JsonElement? ExpectedOutput { get; init; }

    /// <summary>The canonical error kind expected for a failure example.</summary>
    public MppIntegrationHub.Contracts.Errors.AgencyErrorKind? ExpectedError { get; init; }
}
