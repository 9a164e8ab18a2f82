using System.Text.Json;
using MppIntegrationHub.Adapters.Declarative.Manifests;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Adapters.Declarative.Validation;

/// <summary>Whether a canonical output honours its contract: the canonical type for known capabilities, the manifest's output contract for new ones.</summary>
public static class OutputContractCheck
{
    public static IEnumerable<string> Errors(string capability, JsonElement output, OutputContract? contract)
    {
        ArgumentNullException.ThrowIfNull(capability);
        if (CanonicalCapabilities.ByName.TryGetValue(capability, out var canonical))
        {
            string? error = null;
            try
            {
                _ = output.Deserialize(canonical.ResultType, HubJson.Options);
            }
            catch (JsonException ex)
            {
                error = $"the output is not a canonical {canonical.ResultType.Name}: {ex.Message}";
            }

            if (error is not null)
            {
                yield return error;
            }
        }

        if (contract is null)
        {
            yield break;
        }

        if (output.ValueKind != JsonValueKind.Object)
        {
            yield return "the output must be a JSON object";
            yield break;
        }

        foreach (var field in contract.Required.Where(f => !output.TryGetProperty(f, out var value) || value.ValueKind == JsonValueKind.Null))
        {
            yield return $"required field '{field}' is missing";
        }

        foreach (var property in output.EnumerateObject())
        {
            if (!contract.Fields.TryGetValue(property.Name, out var type))
            {
                yield return $"field '{property.Name}' is not in the output contract";
            }
            else if (property.Value.ValueKind != JsonValueKind.Null && !Is(type, property.Value.ValueKind))
            {
                yield return $"field '{property.Name}' must be {Name(type)}";
            }
        }
    }

    private static bool Is(OutputFieldType type, JsonValueKind kind) => type switch
    {
        OutputFieldType.Text => kind == JsonValueKind.String,
        OutputFieldType.Number => kind == JsonValueKind.Number,
        OutputFieldType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
        OutputFieldType.Record => kind == JsonValueKind.Object,
        _ => kind == JsonValueKind.Array,
    };

    private static string Name(OutputFieldType type) => JsonSerializer.Serialize(type, HubJson.Options).Trim('"');
}
