using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Orchestration.Definitions;
using MppIntegrationHub.Orchestration.Persistence;
using MppIntegrationHub.Orchestration.Prediction;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// Group commit: events queued while a commit is in flight are applied together in the next one. One query loads
/// every affected application with its steps, each event is applied in arrival order, and one transaction writes
/// the rows and their outbox messages, each application guarded by its revision. When another process moved one
/// of the applications meanwhile, the whole batch is thrown away and applied again to fresh state, so no event is
/// applied twice or lost; a batch that keeps conflicting is split into single events.
/// </summary>
internal sealed class WorkflowCommitter
{
    private const int MaxBatch = 512;
    private const int BatchAttempts = 3;
    private const int MaxConflictRetries = 50;

    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly StoreWriteGate _writes;
    private readonly WorkflowDefinitionRegistry _registry;
    private readonly TimeProvider _clock;
    private readonly OrchestrationOptions _options;
    private readonly WorkflowSignals _signals;
    private readonly CompletionPredictor _predictor;
    private readonly CommittedOutbox _outbox;
    private readonly DispatchedStates _dispatched;
    private readonly BatchQueue<PendingTransition>[] _lanes;

    public WorkflowCommitter(
        IDbContextFactory<WorkflowDbContext> contexts,
        StoreWriteGate writes,
        WorkflowDefinitionRegistry registry,
        TimeProvider clock,
        IOptions<OrchestrationOptions> options,
        IOptions<StoreOptions> store,
        WorkflowSignals signals,
        CompletionPredictor predictor,
        CommittedOutbox outbox,
        DispatchedStates dispatched)
    {
        _contexts = contexts;
        _writes = writes;
        _registry = registry;
        _clock = clock;
        _options = options.Value;
        _signals = signals;
        _predictor = predictor;
        _outbox = outbox;
        _dispatched = dispatched;

        // SQLite has one writer, so one commit at a time; PostgreSQL takes several, each lane owning a share of the
        // applications so that this process's own commits never conflict with each other.
        var lanes = store.Value.Provider == StoreProvider.Sqlite ? 1 : _options.CommitConcurrency;
        _lanes = [.. Enumerable.Range(0, lanes).Select(_ => new BatchQueue<PendingTransition>(CommitBatchAsync, MaxBatch))];
    }

    public WorkflowPlan PlanOf(WorkflowInstance app) => _registry.Get(app.ServiceCode, app.WorkflowVersion);

    /// <summary>Queues the event for the next commit of its lane and starts that commit unless one is running.</summary>
    public Task<WorkflowInstance?> CommitAsync(PendingTransition pending)
    {
        _lanes[(int)((uint)pending.ApplicationId.GetHashCode() % (uint)_lanes.Length)].Enqueue(pending);
        return pending.Completion;
    }

    /// <summary>Commits one batch (retrying it on conflicts); every event in it completes or fails.</summary>
    internal async Task CommitBatchAsync(List<PendingTransition> batch)
    {
        var remaining = batch; // attempts remove events that threw
        for (var attempt = 1; remaining.Count > 0; attempt++)
        {
            try
            {
                if (await TryCommitAsync(remaining))
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                remaining.ForEach(p => p.Fail(ex));
                return;
            }

            if (remaining.Count > 1 && attempt >= BatchAttempts)
            {
                // Contended: one event at a time, so a busy application cannot hold back the others.
                foreach (var single in remaining)
                {
                    await CommitBatchAsync([single]);
                }

                return;
            }

            if (attempt >= MaxConflictRetries)
            {
                var conflict = new DbUpdateConcurrencyException($"The application kept changing under {MaxConflictRetries} attempts to apply the event.");
                remaining.ForEach(p => p.Fail(conflict));
                return;
            }
        }
    }

    /// <summary>One attempt; false when it must be repeated on fresh state (a conflict, or an event that threw and was removed).</summary>
    private async Task<bool> TryCommitAsync(List<PendingTransition> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var (apps, originals) = await LoadAsync(db, batch);

        var now = _clock.GetUtcNow();
        var committed = new WorkflowInstance?[batch.Count];
        var changed = new Dictionary<Guid, Change>();
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            if (pending.Create is { } create)
            {
                var created = create();
                apps[created.Id] = created;
            }

            if (!apps.TryGetValue(pending.ApplicationId, out var app))
            {
                continue;
            }

            var transition = new WorkflowTransition(app, PlanOf(app), now, _options);
            bool applied;
            try
            {
                applied = pending.Apply(transition);
            }
            catch (Exception ex)
            {
                // The rows may be half changed: fail this event alone and apply the others again to fresh state.
                pending.Fail(ex);
                batch.RemoveAt(i);
                return false;
            }

            if (applied)
            {
                committed[i] = app;
                if (!changed.TryGetValue(app.Id, out var change))
                {
                    changed[app.Id] = change = new Change(app, originals.GetValueOrDefault(app.Id));
                }

                change.Transitions.Add(transition);
                change.Messages.AddRange(transition.Messages.Select(m => new OutboxEntry(m, pending.TraceParent)));
            }
        }

        foreach (var change in changed.Values)
        {
            Stage(change, now);
        }

        var messages = changed.Values.SelectMany(c => c.Messages).ToList();
        var outbox = messages.Count == 0 ? null : Outbox(messages, now);

        if (changed.Count > 0)
        {
            try
            {
                await _writes.WriteAsync(() => WriteAsync(db, changed.Values, outbox));
            }
            catch (Exception ex)
            {
                // What the store holds now is unknown here: the next attempt (or event) reads it.
                foreach (var id in apps.Keys)
                {
                    _dispatched.Forget(id);
                }

                if (ex is DbUpdateConcurrencyException)
                {
                    return false; // another process moved one of them first: apply every event again to what it left
                }

                throw;
            }

            foreach (var change in changed.Values)
            {
                _dispatched.Committed(change.App);
            }

            AfterCommit(changed.Values, outbox, messages);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(committed[i]);
        }

        return true;
    }

    // Each application to change, as a private copy, and its rows as read (what the write compares with; its
    // revision guards the update). An outcome starts from the state this process committed its dispatch with, when
    // it has it; every other application is loaded from the store.
    private async Task<(Dictionary<Guid, WorkflowInstance> Apps, Dictionary<Guid, WorkflowInstance> Originals)> LoadAsync(
        WorkflowDbContext db, List<PendingTransition> batch)
    {
        var originals = new Dictionary<Guid, WorkflowInstance>();
        foreach (var pending in batch)
        {
            if (pending is { Create: null, Dispatch: { } dispatch } && !originals.ContainsKey(pending.ApplicationId)
                && _dispatched.Find(pending.ApplicationId, dispatch.StepId, dispatch.DispatchId) is { } dispatched)
            {
                originals[dispatched.Id] = dispatched;
            }
        }

        var missing = batch.Where(p => p.Create is null && !originals.ContainsKey(p.ApplicationId)).Select(p => p.ApplicationId).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var (id, app) in await WorkflowLoads.ReadOnlyAsync(db, missing))
            {
                originals[id] = app;
            }
        }

        return (originals.ToDictionary(o => o.Key, o => o.Value.Copy()), originals);
    }

    // The rows and the commit's outbox row in one transaction.
    private static async Task<int> WriteAsync(WorkflowDbContext db, IEnumerable<Change> changes, OutboxMessage? outbox)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await WorkflowRowWriter.WriteAsync(db, changes.Select(c => new RowChange(c.App, c.Original)), outbox);
        await transaction.CommitAsync();
        return 0;
    }

    private void Stage(Change change, DateTimeOffset now)
    {
        var app = change.App;
        if (change.Original is not null)
        {
            app.Revision++; // once per commit: the concurrency token covers every event applied to it in this batch
        }

        app.UpdatedAt = now;
        var expected = _predictor.Predict(app, PlanOf(app), now);
        app.ExpectedP50 = expected?.P50;
        app.ExpectedP90 = expected?.P90;
    }

    // One row for the whole commit; claimed at once by this process's relay when one runs, which then sends it
    // straight from memory.
    private OutboxMessage Outbox(List<OutboxEntry> messages, DateTimeOffset now)
    {
        var claimed = _outbox.IsAttached;
        return new OutboxMessage
        {
            Body = OutboxBody.Write(messages),
            MessageCount = messages.Count,
            CreatedAt = now,
            ClaimedBy = claimed ? _outbox.RelayId : null,
            ClaimedUntil = claimed ? now + _options.OutboxClaimDuration : null,
        };
    }

    private void AfterCommit(IEnumerable<Change> changes, OutboxMessage? outbox, List<OutboxEntry> messages)
    {
        var dueTimes = false;
        foreach (var change in changes)
        {
            foreach (var (capability, duration) in change.Transitions.SelectMany(t => t.FinishedSteps))
            {
                _predictor.Observe(capability, duration);
            }

            dueTimes |= change.App.Steps.Exists(s => s.DueAt is not null);
        }

        if (outbox is { ClaimedBy: not null })
        {
            _outbox.Committed(new CommittedRow(outbox.Id, messages));
        }
        else if (outbox is not null)
        {
            _signals.OutboxWritten();
        }

        if (dueTimes)
        {
            _signals.DueTimesChanged();
        }
    }

    /// <summary>An application the commit changes: <paramref name="Original"/> is its rows as read, null for a new one.</summary>
    private sealed record Change(WorkflowInstance App, WorkflowInstance? Original)
    {
        public List<WorkflowTransition> Transitions { get; } = [];

        public List<OutboxEntry> Messages { get; } = [];
    }
}
