using System.Text.Json;
using MppIntegrationHub.Orchestration.Definitions;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>Evaluates a definition's conditions and reason fields against a step's output.</summary>
internal static class OutputConditions
{
    public static bool Matches(OutputCondition? condition, JsonElement output) =>
        condition is not null
        && Field(output, condition.Field) is { } value
        && condition.In.Any(expected => JsonElement.DeepEquals(expected, value));

    public static string? Reason(string? field, JsonElement output) =>
        field is not null && Field(output, field) is { ValueKind: JsonValueKind.String } reason ? reason.GetString() : null;

    private static JsonElement? Field(JsonElement output, string path)
    {
        var current = output;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }
}
