using System.Text.Json;

namespace MppIntegrationHub.Orchestration.Definitions;

/// <summary>What templates may read: the application, the portal's answers and earlier steps' outputs.</summary>
internal sealed record WorkflowData(
    IReadOnlyDictionary<string, JsonElement> Application,
    IReadOnlyDictionary<string, JsonElement> Inputs,
    IReadOnlyDictionary<string, JsonElement> StepOutputs)
{
    public JsonElement? Resolve(WorkflowReference reference)
    {
        var source = reference.Root switch
        {
            WorkflowReferenceRoot.Application => Application,
            WorkflowReferenceRoot.Inputs => Inputs,
            _ => StepOutputs,
        };
        if (!source.TryGetValue(reference.Name, out var value))
        {
            return null;
        }

        foreach (var segment in reference.Path)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value))
            {
                return null;
            }
        }

        return value.ValueKind == JsonValueKind.Null ? null : value;
    }
}
