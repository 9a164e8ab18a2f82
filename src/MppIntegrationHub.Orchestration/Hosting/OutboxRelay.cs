using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Persistence;
using MppIntegrationHub.Orchestration.Telemetry;

namespace MppIntegrationHub.Orchestration.Hosting;

/// <summary>
/// Sends committed outbox rows to the bus and deletes them. Rows this process commits arrive already claimed by
/// this relay, with their messages, straight from the commit (<see cref="CommittedOutbox"/>): no read back, no
/// polling delay. Other rows (written by a process that died before sending them, or while no relay ran) are
/// found by polling, claimed first (an update guarded by the claim's expiry), so relays of several processes share
/// the table; a relay that dies mid-batch leaves its claim to expire and another sends the rows. A row can thus be
/// sent twice, never lost: consumers tolerate duplicates (stale dispatch ids are dropped, agency writes carry
/// idempotency keys). Each message is published in the trace stored with it.
/// </summary>
internal sealed partial class OutboxRelay(
    IDbContextFactory<WorkflowDbContext> contexts,
    StoreWriteGate writes,
    IBus bus,
    CommittedOutbox committed,
    WorkflowSignals signals,
    TimeProvider clock,
    IOptions<OrchestrationOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    private readonly OrchestrationOptions _options = options.Value;
    private readonly List<CommittedRow> _unsent = [];
    private readonly List<long> _sent = [];
    private DateTimeOffset _nextPoll = DateTimeOffset.MinValue;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        committed.Attach();
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        committed.Detach();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                var sent = await RelayCommittedAsync(stoppingToken);
                busy = sent >= _options.OutboxBatchSize;

                // Under load the committed queue never empties: poll on the interval then, so orphaned rows still go.
                if (sent == 0 || clock.GetUtcNow() >= _nextPoll)
                {
                    _nextPoll = clock.GetUtcNow() + _options.OutboxPollInterval;
                    busy |= await RelayBatchAsync(stoppingToken) >= _options.OutboxBatchSize;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRelayFailed(ex);
            }

            if (!busy)
            {
                await signals.WaitForOutboxAsync(_options.OutboxPollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Sends what this process committed since the last pass; messages that failed to send stay for the next.</summary>
    internal async Task<int> RelayCommittedAsync(CancellationToken cancellationToken)
    {
        committed.TakeInto(_unsent, _options.OutboxBatchSize - Math.Min(_unsent.Count, _options.OutboxBatchSize));
        if (_unsent.Count == 0)
        {
            return 0;
        }

        // All at once: on RabbitMQ each publish waits for the broker's confirm, so one after the other would cap the
        // relay at one round trip per message. If any fails, the whole pass is sent again (duplicates are tolerated).
        await PublishAsync(_unsent.SelectMany(r => r.Messages), cancellationToken);
        var sent = _unsent.Count;
        _sent.AddRange(_unsent.Select(r => r.RowId));
        _unsent.Clear();

        // Rows whose delete failed stay in the list and go with the next delete.
        await DeleteAsync(_sent, cancellationToken);
        _sent.Clear();
        return sent;
    }

    /// <summary>Claims and sends rows no live relay owns (another process's, or written while this relay was not running).</summary>
    internal async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var relayId = committed.RelayId;
        var ids = await db.Outbox.AsNoTracking()
            .Where(m => (m.ClaimedUntil == null || m.ClaimedUntil < now) && m.ClaimedBy != relayId)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(_options.OutboxBatchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var until = now + _options.OutboxClaimDuration;
        var claimId = Guid.NewGuid();
        await writes.WriteAsync(() => db.Outbox
            .Where(m => ids.Contains(m.Id) && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claimId).SetProperty(m => m.ClaimedUntil, until), cancellationToken));
        var claimed = await db.Outbox.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.ClaimedBy == claimId)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);

        await PublishAsync(claimed.SelectMany(row => OutboxBody.Read(row.Body)), cancellationToken);
        await DeleteAsync([.. claimed.Select(m => m.Id)], cancellationToken);
        return ids.Count;
    }

    private Task PublishAsync(IEnumerable<OutboxEntry> messages, CancellationToken cancellationToken) =>
        Task.WhenAll(StepBatching.Group(messages, _options.StepsPerMessage).Select(entry => PublishOneAsync(entry, cancellationToken)));

    private async Task PublishOneAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var (message, traceParent) = entry;
        using var relay = message is ExecuteSteps batch
            ? WorkflowTelemetry.StartBatchRelay(nameof(ExecuteSteps), batch.Steps.Select(s => s.TraceParent))
            : WorkflowTelemetry.StartRelay(message.GetType().Name, traceParent);
        // Bounded: after a broker restart RabbitMQ.Client 7 can leave a publish waiting forever for its confirm
        // (rabbitmq-dotnet-client#1930); the row then stays and is sent again on a later pass.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        try
        {
            await bus.Publish(message, message.GetType(), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm a publish within {PublishTimeout}.");
        }
    }

    private async Task DeleteAsync(List<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await writes.WriteAsync(async () =>
        {
            await OutboxDeletes.DeleteAsync(db, ids, cancellationToken);
            return 0;
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed; the rows stay and are sent on the next pass")]
    private partial void LogRelayFailed(Exception exception);
}
