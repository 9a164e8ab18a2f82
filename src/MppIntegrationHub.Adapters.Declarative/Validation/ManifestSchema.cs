using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using MppIntegrationHub.Adapters.Declarative.Manifests;
using MppIntegrationHub.Contracts.Serialization;
using JsonSchema = NJsonSchema.JsonSchema;

namespace MppIntegrationHub.Adapters.Declarative.Validation;

/// <summary>
/// The JSON Schema of <see cref="DeclarativeAdapterManifest"/>, generated from the types with
/// <see cref="JsonSchemaExporter"/> under <see cref="HubJson.SchemaOptions"/> (published as
/// <c>schemas/v1/declarative-adapter.schema.json</c>), and the check of a document against it that lists every error.
/// </summary>
public static class ManifestSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(Generate()).GetAwaiter().GetResult());

    /// <summary>The schema document, indented.</summary>
    public static string Text { get; } = Generate();

    /// <summary>Every schema violation as (field path, message); empty when the document conforms.</summary>
    public static IReadOnlyList<(string Field, string Error)> Check(string json) =>
        [.. Schema.Value.Validate(json).Select(e => (FieldOf(e.Path), $"{e.Kind}"))];

    private static string Generate()
    {
        var node = JsonSchemaExporter.GetJsonSchemaAsNode(
            HubJson.SchemaOptions,
            typeof(DeclarativeAdapterManifest),
            new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Describe });
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        node["$id"] = "https://schemas.mpp.go.id/v1/declarative-adapter.schema.json";
        node["title"] = "Declarative agency adapter manifest";
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    // Types with custom converters export as the boolean schema "true": durations get their ISO 8601 form, and free
    // JSON (examples) an empty schema, which every draft-07 validator reads.
    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema) =>
        context.TypeInfo.Type == typeof(TimeSpan) || context.TypeInfo.Type == typeof(TimeSpan?)
            ? new JsonObject { ["type"] = "string", ["pattern"] = "^P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$", ["description"] = "ISO 8601 duration, e.g. PT1.5S" }
            : schema is JsonValue value && value.GetValueKind() == JsonValueKind.True ? new JsonObject() : schema;

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "#" ? "$" : path.TrimStart('#', '/');
}
