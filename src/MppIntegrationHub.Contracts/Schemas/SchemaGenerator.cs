using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Regions;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Contracts.Schemas;

/// <summary>
/// Produces the published JSON Schemas (draft 2020-12) from the contract types, so the C# records stay the single
/// source of the model and the files under <c>schemas/v1/</c> can be checked against them.
/// </summary>
public static class SchemaGenerator
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private static readonly JsonSerializerOptions Options = HubJson.SchemaOptions;

    private static readonly JsonSerializerOptions Indented = new(HubJson.Options) { WriteIndented = true };

    private static readonly Dictionary<Type, Func<JsonObject>> ValueTypes = new()
    {
        [typeof(Nik)] = () => Text(
            "^[0-9]{16}$",
            "Nomor Induk Kependudukan: 16 digits PPKKCC DDMMYY SSSS (district, birth date with +40 for women, serial). Spaces, dots and dashes are accepted on input and removed."),
        [typeof(KkNumber)] = () => Text(
            "^[0-9]{16}$",
            "Family card (Kartu Keluarga) number: 16 digits, district, data-entry date DDMMYY, serial."),
        [typeof(RegionCode)] = () => Text(
            "^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{10})$",
            "Kemendagri region code without dots: 2 (province), 4 (regency/city), 6 (district) or 10 (village) digits."),
        [typeof(TimeSpan)] = () => new JsonObject { ["type"] = "string", ["format"] = "duration" },
    };

    /// <summary>The schema document for <paramref name="schema"/>, as the indented text checked in under schemas/v1.</summary>
    public static string Generate(PublicSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var body = JsonSchemaExporter.GetJsonSchemaAsNode(Options, schema.Type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Annotate,
        });

        var document = new JsonObject
        {
            ["$schema"] = Draft,
            ["$id"] = $"urn:mpp-integration-hub:schemas:v1:{schema.Name}",
            ["title"] = schema.Title,
        };
        foreach (var (key, value) in body.AsObject().ToList())
        {
            body.AsObject().Remove(key);
            document[key] = value;
        }

        document["examples"] = new JsonArray(JsonSerializer.SerializeToNode(schema.Example, schema.Type, Options));
        return document.ToJsonString(Indented) + "\n";
    }

    private static JsonNode Annotate(JsonSchemaExporterContext context, JsonNode node)
    {
        var type = context.TypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        if (ValueTypes.TryGetValue(underlying ?? type, out var valueSchema))
        {
            var replaced = valueSchema();
            if (underlying is not null)
            {
                replaced["type"] = new JsonArray("string", "null");
            }

            node = replaced;
        }

        var description = Describe(context.PropertyInfo?.AttributeProvider) ?? Describe(underlying ?? type);
        if (description is not null && node is JsonObject obj && !obj.ContainsKey("description"))
        {
            obj.Insert(0, "description", description);
        }

        return node;
    }

    private static string? Describe(ICustomAttributeProvider? provider) =>
        provider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false) is [DescriptionAttribute d, ..] ? d.Description : null;

    private static JsonObject Text(string pattern, string description) =>
        new() { ["description"] = description, ["type"] = "string", ["pattern"] = pattern };
}
