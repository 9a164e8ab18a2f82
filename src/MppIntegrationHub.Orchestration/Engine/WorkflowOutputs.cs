using System.Text.Json;
using MppIntegrationHub.Orchestration.Definitions;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>The definition's outputs resolved from the steps that have produced them so far.</summary>
internal static class WorkflowOutputs
{
    public static Dictionary<string, JsonElement> Resolve(WorkflowInstance app, WorkflowPlan plan)
    {
        var data = WorkflowDataFactory.Create(app);
        var outputs = new Dictionary<string, JsonElement>();
        foreach (var (name, reference) in plan.Definition.Outputs)
        {
            if (WorkflowReference.TryParse(reference) is { } parsed && data.Resolve(parsed) is { } value)
            {
                outputs[name] = value;
            }
        }

        return outputs;
    }
}
