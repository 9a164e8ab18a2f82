using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>
/// One step of one application. Its <see cref="DueAt"/> is the step's due-time row (backoff, next poll) and
/// <see cref="DispatchId"/> with <see cref="LeaseExpiresAt"/> the lease on work handed to a worker.
/// </summary>
public sealed class WorkflowStepState
{
    public Guid ApplicationId { get; set; }

    public required string StepId { get; set; }

    public required string Capability { get; set; }

    /// <summary>Place in the definition, for showing the timeline in order.</summary>
    public int Position { get; set; }

    public StepStatus Status { get; set; }

    /// <summary>True while the step's compensation (not its forward call) is the work in hand.</summary>
    public bool Compensating { get; set; }

    /// <summary>Bumped when an operator re-runs the step, so its idempotency key (and agency effect) is a new one.</summary>
    public int Generation { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? DeadlineAt { get; set; }

    public Guid? DispatchId { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public string? OutputJson { get; set; }

    /// <summary>The agency's reference for the case a wait step follows; callbacks find the step by it.</summary>
    public string? CorrelationRef { get; set; }

    public string? ErrorAgency { get; set; }

    public AgencyErrorKind? ErrorKind { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>A detached copy (every member is a value or an immutable string).</summary>
    internal WorkflowStepState Copy() => (WorkflowStepState)MemberwiseClone();

    public string IdempotencyKey =>
        $"{ApplicationId:N}/{StepId}/{Generation}{(Compensating ? "/undo" : string.Empty)}";
}
