using System.Text.Json.Serialization;

namespace MppIntegrationHub.Adapters.Declarative.Manifests;

/// <summary>The canonical output's shape: field name → type, and which fields must be present.</summary>
public sealed record OutputContract
{
    public required IReadOnlyDictionary<string, OutputFieldType> Fields { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];
}

/// <summary>JSON type of an output field, named as in JSON Schema.</summary>
public enum OutputFieldType
{
    [JsonStringEnumMemberName("string")]
    Text,

    Number,

    Boolean,

    [JsonStringEnumMemberName("object")]
    Record,

    [JsonStringEnumMemberName("array")]
    List,
}
