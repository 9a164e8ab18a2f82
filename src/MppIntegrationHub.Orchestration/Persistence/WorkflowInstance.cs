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
}
