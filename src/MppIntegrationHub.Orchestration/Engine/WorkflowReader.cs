using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// Read-only loads of applications with their steps for step execution, grouped: loads asked for while a query
/// runs are answered together by the next one (one query for many step attempts instead of one each).
/// </summary>
internal sealed class WorkflowReader
{
    private const int MaxBatch = 256;

    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly BatchQueue<(Guid Id, TaskCompletionSource<WorkflowInstance?> Done)> _loads;

    public WorkflowReader(IDbContextFactory<WorkflowDbContext> contexts)
    {
        _contexts = contexts;
        _loads = new(LoadBatchAsync, MaxBatch);
    }

    public Task<WorkflowInstance?> LoadAsync(Guid applicationId, CancellationToken cancellationToken)
    {
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
