using System.Collections.Concurrent;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// The applications this process committed with a step dispatched, as committed: a step attempt and its outcome
/// usually follow within milliseconds in the same process, so the attempt's read and the outcome's commit start
/// from this state (the commit from a copy of it) instead of loading the rows again. A copy is used only for the dispatch it was committed with
/// (the attempt's dispatch id is still the step's current one in it); anything else reads the store. It can
/// still be behind another process's commit: the outcome's commit is then refused by the application's revision
/// and applied again to the rows loaded from the store, and an attempt built from it calls the agency with the
/// same idempotency key the current attempt uses. Bounded: the oldest entries go first.
/// </summary>
internal sealed class DispatchedStates(int capacity = DispatchedStates.DefaultCapacity)
{
    public const int DefaultCapacity = 16_384;

    private readonly ConcurrentDictionary<Guid, Entry> _apps = new();
    private readonly ConcurrentQueue<(Guid Id, long Stamp)> _order = new();
    private long _stamp;

    // Kept here because ConcurrentDictionary.Count takes every lock of the dictionary, on each commit's trim.
    private int _count;
    private int _queued;

    /// <summary>Applications currently kept.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The application as committed when <paramref name="dispatchId"/> was current, never to be changed (shared by readers).</summary>
    public WorkflowInstance? Find(Guid applicationId, string stepId, Guid dispatchId) =>
        _apps.TryGetValue(applicationId, out var entry) && IsCurrent(entry.App, stepId, dispatchId) ? entry.App : null;

    /// <summary>Records an application as just committed: kept while one of its steps runs, forgotten otherwise.</summary>
    public void Committed(WorkflowInstance app)
    {
        if (!app.Steps.Exists(s => s.Status == StepStatus.Running))
        {
            Forget(app.Id);
            return;
        }

        var stamp = Interlocked.Increment(ref _stamp);
        Store(new Entry(app, stamp));
        _order.Enqueue((app.Id, stamp));
        Interlocked.Increment(ref _queued);
        Trim();
    }

    /// <summary>Drops what this process knows of the application (a commit failed: the store may hold anything).</summary>
    public void Forget(Guid applicationId)
    {
        if (_apps.TryRemove(applicationId, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    // Adds or replaces the entry, counting it only when it is new (a replace can race a removal: then it adds).
    private void Store(Entry entry)
    {
        while (true)
        {
            if (_apps.TryAdd(entry.App.Id, entry))
            {
                Interlocked.Increment(ref _count);
                return;
            }

            if (_apps.TryGetValue(entry.App.Id, out var current) && _apps.TryUpdate(entry.App.Id, entry, current))
            {
                return;
            }
        }
    }

    private static bool IsCurrent(WorkflowInstance app, string stepId, Guid dispatchId) =>
        app.Steps.Exists(s => s.DispatchId == dispatchId && s.Status == StepStatus.Running && string.Equals(s.StepId, stepId, StringComparison.Ordinal));

    // The queue holds one item per commit; items of entries replaced or forgotten since are skipped. Past twice the
    // capacity in items, the oldest go whether live or not, so the queue stays bounded too.
    private void Trim()
    {
        while ((Count > capacity || Volatile.Read(ref _queued) > 2 * capacity) && _order.TryDequeue(out var oldest))
        {
            Interlocked.Decrement(ref _queued);
            if (_apps.TryGetValue(oldest.Id, out var entry) && entry.Stamp == oldest.Stamp
                && _apps.TryRemove(new KeyValuePair<Guid, Entry>(oldest.Id, entry)))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    private sealed record Entry(WorkflowInstance App, long Stamp);
}
