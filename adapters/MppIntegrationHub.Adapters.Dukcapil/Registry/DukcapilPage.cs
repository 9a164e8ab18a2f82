using System.Text.Json.Serialization;

namespace MppIntegrationHub.Adapters.Dukcapil.Registry;

/// <summary>Dukcapil's page envelope; <c>content[0]</c> holds the answer or an in-band failure.</summary>
/// <remarks>Init-only members rather than a positional record: the serializer fills them without an argument buffer.</remarks>
public sealed record DukcapilPage<TRecord>
{
    [JsonPropertyName("content")]
    public required IReadOnlyList<TRecord> Content { get; init; }

    [JsonPropertyName("quotaLimiter")]
    public required long? QuotaLimiter { get; init; }
}
