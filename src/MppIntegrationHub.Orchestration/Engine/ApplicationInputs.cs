using System.Text.Json;
using MppIntegrationHub.Orchestration.Definitions;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>Checks a portal's answers against the inputs a definition declares, reporting every problem.</summary>
internal static class ApplicationInputs
{
    public static List<string> Check(WorkflowDefinition definition, IReadOnlyDictionary<string, JsonElement> answers)
    {
        var errors = new List<string>();
        foreach (var input in definition.Inputs)
        {
            if (!answers.TryGetValue(input.Name, out var answer) || answer.ValueKind == JsonValueKind.Null)
            {
                if (input.Required)
                {
                    errors.Add($"Input '{input.Name}' is required: {input.Description}");
                }
            }
            else if (input.AllowedValues is { } allowed
                && (answer.ValueKind != JsonValueKind.String || !allowed.Contains(answer.GetString()!)))
            {
                errors.Add($"Input '{input.Name}' must be one of: {string.Join(", ", allowed)}.");
            }
        }

        foreach (var unknown in answers.Keys.Where(k => definition.Inputs.All(i => i.Name != k)))
        {
            errors.Add($"Input '{unknown}' is not asked by {definition.Service}.");
        }

        return errors;
    }
}
