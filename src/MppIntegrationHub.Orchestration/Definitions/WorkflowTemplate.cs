using System.Text.Json;

namespace MppIntegrationHub.Orchestration.Definitions;

/// <summary>
/// Builds a capability request from a template. A reference that resolves to nothing leaves its property out, so
/// optional answers stay optional and a missing required one is refused by the capability's own contract.
/// </summary>
internal static class WorkflowTemplate
{
    public static JsonElement Build(IReadOnlyDictionary<string, JsonElement> template, WorkflowData data)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in template)
            {
                WriteProperty(writer, name, value, data);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>Every reference a template (or a nested <c>$select</c>) reads, as written.</summary>
    public static IEnumerable<string> References(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when WorkflowReference.IsReference(value.GetString()!):
                yield return value.GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (property.NameEquals(WorkflowReference.SelectKeyword) && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else
                    {
                        foreach (var inner in References(property.Value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var inner in value.EnumerateArray().SelectMany(References))
                {
                    yield return inner;
                }

                break;
        }
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, JsonElement value, WorkflowData data)
    {
        if (IsLookup(value))
        {
            if (Resolve(value, data) is { } resolved)
            {
                writer.WritePropertyName(name);
                resolved.WriteTo(writer);
            }

            return;
        }

        writer.WritePropertyName(name);
        WriteTemplate(writer, value, data);
    }

    private static bool IsLookup(JsonElement value) =>
        (value.ValueKind == JsonValueKind.String && WorkflowReference.IsReference(value.GetString()!))
        || (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(WorkflowReference.SelectKeyword, out _));

    private static JsonElement? Resolve(JsonElement value, WorkflowData data)
    {
        if (value.ValueKind == JsonValueKind.String && WorkflowReference.IsReference(value.GetString()!))
        {
            return WorkflowReference.TryParse(value.GetString()!) is { } reference ? data.Resolve(reference) : null;
        }

        var key = Resolve(value.GetProperty(WorkflowReference.SelectKeyword), data);
        return key is { ValueKind: JsonValueKind.String } k
            && value.TryGetProperty(WorkflowReference.CasesKeyword, out var cases)
            && cases.TryGetProperty(k.GetString()!, out var chosen)
            ? chosen
            : null;
    }

    // Only the template is walked; values read from the application or steps are copied as they are.
    private static void WriteTemplate(Utf8JsonWriter writer, JsonElement value, WorkflowData data)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    WriteProperty(writer, property.Name, property.Value, data);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    if (!IsLookup(item))
                    {
                        WriteTemplate(writer, item, data);
                    }
                    else if (Resolve(item, data) is { } resolved)
                    {
                        resolved.WriteTo(writer);
                    }
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
