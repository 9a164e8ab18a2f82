using System.Text.Json;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>The published view of an application's rows.</summary>
internal static class ApplicationMapper
{
    /// <param name="app">The application with its steps.</param>
    /// <param name="outputsSoFar">Outputs resolved from the steps when the application has no stored outputs yet.</param>
    public static ServiceApplication ToContract(WorkflowInstance app, Dictionary<string, JsonElement>? outputsSoFar = null) => new()
    {
        Id = app.Id,
        ServiceCode = app.ServiceCode,
        WorkflowVersion = app.WorkflowVersion,
        Status = app.Status,
        StatusReason = app.StatusReason,
        SubmittedAt = app.SubmittedAt,
        UpdatedAt = app.UpdatedAt,
        CompletedAt = app.CompletedAt,
        ExpectedCompletion = app is { ExpectedP50: { } p50, ExpectedP90: { } p90 } ? new ExpectedCompletion(p50, p90) : null,
        Steps = [.. app.Steps.OrderBy(s => s.Position).Select(s => new ApplicationStep
        {
            Id = s.StepId,
            Capability = s.Capability,
            Status = s.Status,
            Attempts = s.Attempts,
            StartedAt = s.StartedAt,
            FinishedAt = s.FinishedAt,
            NextAttemptAt = s.DueAt,
            LastError = s is { ErrorKind: { } kind, ErrorMessage: { } message } ? new AgencyErrorSummary(kind, message) : null,
        })],
        Outputs = app.OutputsJson is null
            ? outputsSoFar ?? []
            : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(app.OutputsJson) ?? [],
    };
}
