using System.Text.Json;
using System.Text.Json.Serialization;

namespace MppIntegrationHub.Adapters.Dukcapil.Registry;

/// <summary>Dukcapil's page envelope; <c>content[0]</c> holds the answer or an in-band failure.</summary>
public sealed record DukcapilPage(
    [property: JsonPropertyName("content")] IReadOnlyList<JsonElement> Content,
    [property: JsonPropertyName("quotaLimiter")] long? QuotaLimiter);
