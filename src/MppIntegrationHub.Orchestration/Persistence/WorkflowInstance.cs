using MppIntegrationHub.Contracts.Applications;

namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>One application's workflow: the row every transition updates under optimistic concurrency.</summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }

    public required string ServiceCode { get; set; }

    public int WorkflowVersion { get; set; }

    public required string ClientId { get; set; }

    public required string Nik { get; set; }

    /// <summary>The portal's answers as JSON.</summary>
    public required string InputsJson { get; set; }

    public ApplicationStatus Status { get; set; }

    public string? StatusReason { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? ExpectedP50 { get; set; }

    public DateTimeOffset? ExpectedP90 { get; set; }

    public string? OutputsJson { get; set; }

    /// <summary>W3C trace context of the submission; traces of later wakeups link to it.</summary>
    public string? TraceParent { get; set; }

    /// <summary>Concurrency token: incremented by every transition, so two processes never apply one twice.</summary>
    public int Revision { get; set; }

    public List<WorkflowStepState> Steps { get; init; } = [];

    public bool IsTerminal => Status is ApplicationStatus.Completed or ApplicationStatus.Failed or ApplicationStatus.Cancelled;

    /// <summary>A detached copy of the application and its steps, to change without touching this one.</summary>
    internal WorkflowInstance Copy()
    {
        return new WorkflowInstance
        {
            Id = Id,
            ServiceCode = ServiceCode,
            WorkflowVersion = WorkflowVersion,
            ClientId = ClientId,
            Nik = Nik,
            InputsJson = InputsJson,
            Status = Status,
            StatusReason = StatusReason,
            SubmittedAt = SubmittedAt,
            UpdatedAt = UpdatedAt,
            CompletedAt = CompletedAt,
            ExpectedP50 = ExpectedP50,
            ExpectedP90 = ExpectedP90,
            OutputsJson = OutputsJson,
            TraceParent = TraceParent,
            Revision = Revision,
            Steps = Steps.ConvertAll(s => s.Copy()),
        };
    }
}
