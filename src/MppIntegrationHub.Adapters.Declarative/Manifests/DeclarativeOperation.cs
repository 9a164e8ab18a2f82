using MppIntegrationHub.Contracts.Consents;

namespace MppIntegrationHub.Adapters.Declarative.Manifests;

/// <summary>
/// One capability as an HTTP call. Every mapping is a JMESPath expression: request parts are evaluated on the
/// canonical input, <see cref="Response"/> on the agency's JSON body.
/// </summary>
public sealed record DeclarativeOperation
{
    /// <summary>Capability name: canonical, or new (then <see cref="Output"/> describes its result).</summary>
    public required string Capability { get; init; }

    public string? Description { get; init; }

    /// <summary><c>GET</c> or <c>POST</c>.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>Path relative to the base URL, with <c>{name}</c> placeholders filled from <see cref="PathParameters"/>.</summary>
    public required string Path { get; init; }

    /// <summary>Placeholder name → JMESPath on the input; values are URL-escaped.</summary>
    public IReadOnlyDictionary<string, string> PathParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Query parameter name → JMESPath on the input; null results are left out.</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    /// <summary>JMESPath on the input producing the JSON body (POST only).</summary>
    public string? Body { get; init; }

    /// <summary>JMESPath on the agency's answer producing the canonical output.</summary>
    public required string Response { get; init; }

    /// <summary>True when a POST only reads, so the pipeline may retry it without an idempotency key.</summary>
    public bool ReadOnly { get; init; } = true;

    /// <summary>The category of citizen data the capability reads, if any: the API then requires purpose, scope and consent.</summary>
    public DataCategory? ReadsCategory { get; init; }

    public ErrorMapping Errors { get; init; } = new();

    /// <summary>Fields the canonical output must carry; required for capabilities the hub does not know.</summary>
    public OutputContract? Output { get; init; }

    /// <summary>Input, agency answer and expected output: probed at registration, served by the simulator twin.</summary>
    public required IReadOnlyList<OperationExample> Examples { get; init; }
}
