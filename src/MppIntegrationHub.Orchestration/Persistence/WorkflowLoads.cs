using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>
/// Loads many applications with their steps in two plain queries, untracked (the committer writes its rows itself).
/// EF's <c>Include</c> of a collection builds the child-collection delegates of its materializer again on every
/// execution (profiled: a dynamic method and its finalization per query), which the engine's hot path cannot afford.
/// </summary>
internal static class WorkflowLoads
{
    /// <summary>
    /// Read-only snapshots: steps are attached to their applications here, without tracking. Both queries read one
    /// committed state, or a transition committed between them would pair an application with another state's steps.
    /// </summary>
    public static Task<Dictionary<Guid, WorkflowInstance>> ReadOnlyAsync(WorkflowDbContext db, List<Guid> ids, CancellationToken cancellationToken = default) =>
        db.Database.ReadSnapshotAsync(() => LoadAsync(db, ids, cancellationToken), cancellationToken);

    private static async Task<Dictionary<Guid, WorkflowInstance>> LoadAsync(WorkflowDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        var apps = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        if (apps.Count > 0)
        {
            var steps = await db.Steps.AsNoTracking().Where(s => ids.Contains(s.ApplicationId)).ToListAsync(cancellationToken);
            foreach (var step in steps)
            {
                apps[step.ApplicationId].Steps.Add(step);
            }
        }

        return apps;
    }
}
