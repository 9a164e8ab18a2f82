using MppIntegrationHub.Orchestration.Persistence;
using MppIntegrationHub.Orchestration.Telemetry;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// One event waiting for the next group commit: a transition of an existing application, or a new application
/// to insert and start. It completes with the application as committed, or null when the event did not apply
/// (unknown application, stale or duplicate event).
/// </summary>
internal sealed class PendingTransition
{
    private readonly TaskCompletionSource<WorkflowInstance?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PendingTransition(Guid applicationId, Func<WorkflowInstance>? create, Func<WorkflowTransition, bool> apply, StepDispatch? dispatch = null)
    {
        ApplicationId = applicationId;
        Create = create;
        Apply = apply;
        Dispatch = dispatch;
    }

    public Guid ApplicationId { get; }

    /// <summary>For a step attempt's outcome: the dispatch it answers (the committer may start from the state that dispatched it).</summary>
    public StepDispatch? Dispatch { get; }

    /// <summary>Builds the new application's rows; called again on every attempt, so a retried batch starts from scratch.</summary>
    public Func<WorkflowInstance>? Create { get; }

    /// <summary>Applies the event; false when it does not apply (and then it changed nothing).</summary>
    public Func<WorkflowTransition, bool> Apply { get; }

    /// <summary>The trace of the caller that raised the event, captured when it is queued: its messages are sent in it.</summary>
    public string? TraceParent { get; } = WorkflowTelemetry.CurrentTraceParent();

    public Task<WorkflowInstance?> Completion => _done.Task;

    public static PendingTransition Insert(Guid applicationId, Func<WorkflowInstance> create, Func<WorkflowTransition, bool> start) =>
        new(applicationId, create, start);

    public static PendingTransition Update(Guid applicationId, Func<WorkflowTransition, bool> apply) => new(applicationId, null, apply);

    public static PendingTransition Outcome(Guid applicationId, StepDispatch dispatch, Func<WorkflowTransition, bool> apply) =>
        new(applicationId, null, apply, dispatch);

    public void Complete(WorkflowInstance? committed) => _done.TrySetResult(committed);

    public void Fail(Exception exception) => _done.TrySetException(exception);
}

/// <summary>One dispatched attempt of a step.</summary>
internal sealed record StepDispatch(string StepId, Guid DispatchId);
