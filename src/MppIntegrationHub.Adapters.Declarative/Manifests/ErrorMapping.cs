using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Declarative.Manifests;

/// <summary>
/// How the agency's failures read: HTTP statuses by kind (overriding the hub's defaults), and in-band codes found by
/// <see cref="CodePath"/> in any body, even a 200.
/// </summary>
public sealed record ErrorMapping
{
    public IReadOnlyList<int> TransientStatuses { get; init; } = [];

    public IReadOnlyList<int> PermanentStatuses { get; init; } = [];

    public IReadOnlyList<int> NotFoundStatuses { get; init; } = [];

    /// <summary>JMESPath on the agency's body yielding its error code, e.g. <c>metaData.code</c>.</summary>
    public string? CodePath { get; init; }

    /// <summary>Agency code → kind; codes not listed are not errors (e.g. <c>"200": ok</c> is simply absent).</summary>
    public IReadOnlyDictionary<string, AgencyErrorKind> Codes { get; init; } = new Dictionary<string, AgencyErrorKind>();
}
