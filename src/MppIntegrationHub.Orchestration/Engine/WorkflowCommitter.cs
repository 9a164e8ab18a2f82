using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Serialization;
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
    private readonly Lane[] _lanes;

    public WorkflowCommitter(
        IDbContextFactory<WorkflowDbContext> contexts,
        StoreWriteGate writes,
        WorkflowDefinitionRegistry registry,
        TimeProvider clock,
        IOptions<OrchestrationOptions> options,
        IOptions<StoreOptions> store,
        WorkflowSignals signals,
        CompletionPredictor predictor,
        CommittedOutbox outbox)
    {
        _contexts = contexts;
        _writes = writes;
        _registry = registry;
        _clock = clock;
        _options = options.Value;
        _signals = signals;
        _predictor = predictor;
        _outbox = outbox;

        // SQLite has one writer, so one commit at a time; PostgreSQL takes several, each lane owning a share of the
        // applications so that this process's own commits never conflict with each other.
        var lanes = store.Value.Provider == StoreProvider.Sqlite ? 1 : _options.CommitConcurrency;
        _lanes = [.. Enumerable.Range(0, lanes).Select(_ => new Lane())];
    }

    public WorkflowPlan PlanOf(WorkflowInstance app) => _registry.Get(app.ServiceCode, app.WorkflowVersion);

    /// <summary>Queues the event for the next commit of its lane and starts that commit unless one is running.</summary>
    public Task<WorkflowInstance?> CommitAsync(PendingTransition pending)
    {
        var lane = _lanes[(int)((uint)pending.ApplicationId.GetHashCode() % (uint)_lanes.Length)];
        lane.Queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref lane.Flushing, 1, 0) == 0)
        {
            _ = Task.Run(() => FlushAsync(lane));
        }

        return pending.Completion;
    }

    /// <summary>Commits one batch (retrying it on conflicts); every event in it completes or fails.</summary>
    internal async Task CommitBatchAsync(IReadOnlyList<PendingTransition> batch)
    {
        var remaining = batch.ToList();
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

    private async Task FlushAsync(Lane lane)
    {
        var batch = new List<PendingTransition>();
        while (true)
        {
            while (batch.Count < MaxBatch && lane.Queue.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await CommitBatchAsync(batch);
                batch.Clear();
                continue;
            }

            Volatile.Write(ref lane.Flushing, 0);

            // An event queued after the last dequeue but before the flag dropped found it still set: take it now.
            if (lane.Queue.IsEmpty || Interlocked.CompareExchange(ref lane.Flushing, 1, 0) != 0)
            {
                return;
            }
        }
    }

    /// <summary>One attempt; false when it must be repeated on fresh state (a conflict, or an event that threw and was removed).</summary>
    private async Task<bool> TryCommitAsync(List<PendingTransition> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var ids = batch.Where(p => p.Create is null).Select(p => p.ApplicationId).Distinct().ToList();
        var apps = ids.Count == 0
            ? []
            : await db.Applications.Include(a => a.Steps).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id);

        var now = _clock.GetUtcNow();
        var committed = new WorkflowInstance?[batch.Count];
        var changed = new Dictionary<Guid, Change>();
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            var isNew = pending.Create is not null;
            if (pending.Create is { } create)
            {
                var created = create();
                db.Applications.Add(created);
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
                    changed[app.Id] = change = new Change(app, isNew);
                }

                change.Transitions.Add(transition);
            }
        }

        var messages = new List<(OutboxMessage Row, object Message)>();
        foreach (var change in changed.Values)
        {
            Stage(db, change, now, messages);
        }

        if (changed.Count > 0)
        {
            try
            {
                await _writes.WriteAsync(() => db.SaveChangesAsync());
            }
            catch (DbUpdateConcurrencyException)
            {
                return false; // another process moved one of them first: apply every event again to what it left
            }

            AfterCommit(changed.Values, messages);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(committed[i]);
        }

        return true;
    }

    private void Stage(WorkflowDbContext db, Change change, DateTimeOffset now, List<(OutboxMessage Row, object Message)> messages)
    {
        var app = change.App;
        if (!change.IsNew)
        {
            app.Revision++; // once per commit: the concurrency token covers every event applied to it in this batch
        }

        app.UpdatedAt = now;
        var expected = _predictor.Predict(app, PlanOf(app), now);
        app.ExpectedP50 = expected?.P50;
        app.ExpectedP90 = expected?.P90;

        var claimed = _outbox.IsAttached;
        foreach (var message in change.Transitions.SelectMany(t => t.Messages))
        {
            var row = new OutboxMessage
            {
                MessageType = OutboxMessageTypes.NameOf(message),
                Body = JsonSerializer.Serialize(message, message.GetType(), HubJson.Options),
                CreatedAt = now,
                ClaimedBy = claimed ? _outbox.RelayId : null,
                ClaimedUntil = claimed ? now + _options.OutboxClaimDuration : null,
            };
            db.Outbox.Add(row);
            messages.Add((row, message));
        }
    }

    private void AfterCommit(IEnumerable<Change> changes, List<(OutboxMessage Row, object Message)> messages)
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

        if (messages.Count > 0)
        {
            if (messages[0].Row.ClaimedBy is not null)
            {
                _outbox.Committed(messages.Select(m => new CommittedMessage(m.Row.Id, m.Message)));
            }
            else
            {
                _signals.OutboxWritten();
            }
        }

        if (dueTimes)
        {
            _signals.DueTimesChanged();
        }
    }

    private sealed class Lane
    {
        public readonly ConcurrentQueue<PendingTransition> Queue = new();
        public int Flushing;
    }

    private sealed record Change(WorkflowInstance App, bool IsNew)
    {
        public List<WorkflowTransition> Transitions { get; } = [];
    }
}
