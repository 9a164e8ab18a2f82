using System.Text.Json;
using MppIntegrationHub.Orchestration.Definitions;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>The data templates read, taken from an application's rows.</summary>
internal static class WorkflowDataFactory
{
    public static WorkflowData Create(WorkflowInstance app)
    {
        var application = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["id"] = JsonSerializer.SerializeToElement(app.Id),
            ["nik"] = JsonSerializer.SerializeToElement(app.Nik),
            ["serviceCode"] = JsonSerializer.SerializeToElement(app.ServiceCode),
            ["clientId"] = JsonSerializer.SerializeToElement(app.ClientId),
        };
        var inputs = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(app.InputsJson) ?? [];
        var outputs = app.Steps
            .Where(s => s.OutputJson is not null)
            .ToDictionary(s => s.StepId, s => JsonDocument.Parse(s.OutputJson!).RootElement.Clone(), StringComparer.Ordinal);
        return new WorkflowData(application, inputs, outputs);
    }
}
