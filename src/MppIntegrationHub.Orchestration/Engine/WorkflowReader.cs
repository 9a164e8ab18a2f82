using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// Read-only loads of applications with their steps for step execution: the state this process committed the
/// attempt's dispatch with when it has it (<see cref="DispatchedStates"/>), otherwise from the store, grouped: loads
/// asked for while a query runs are answered together by the next one (one query for many step attempts).
/// </summary>
internal sealed class WorkflowReader
{
    private const int MaxBatch = 256;

    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly DispatchedStates _dispatched;
    private readonly BatchQueue<(Guid Id, TaskCompletionSource<WorkflowInstance?> Done)> _loads;

    public WorkflowReader(IDbContextFactory<WorkflowDbContext> contexts, DispatchedStates dispatched)
    {
        _contexts = contexts;
        _dispatched = dispatched;
        _loads = new(LoadBatchAsync, MaxBatch);
    }

    /// <summary>The application for a step attempt; shared with other readers, never to be changed.</summary>
    public Task<WorkflowInstance?> LoadForAttemptAsync(Guid applicationId, StepDispatch dispatch, CancellationToken cancellationToken)
    {
        if (_dispatched.Find(applicationId, dispatch.StepId, dispatch.DispatchId) is { } dispatched)
        {
            return Task.FromResult<WorkflowInstance?>(dispatched);
        }

        var done = new TaskCompletionSource<WorkflowInstance?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _loads.Enqueue((applicationId, done));
        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task LoadBatchAsync(List<(Guid Id, TaskCompletionSource<WorkflowInstance?> Done)> batch)
    {
        try
        {
            var ids = batch.Select(l => l.Id).Distinct().ToList();
            await using var db = await _contexts.CreateDbContextAsync();
            var apps = await WorkflowLoads.ReadOnlyAsync(db, ids);
            batch.ForEach(l => l.Done.TrySetResult(apps.GetValueOrDefault(l.Id)));
        }
        catch (Exception ex)
        {
            batch.ForEach(l => l.Done.TrySetException(ex));
        }
    }
}
