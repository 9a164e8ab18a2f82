using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Persistence;
using MppIntegrationHub.Orchestration.Telemetry;

namespace MppIntegrationHub.Orchestration.Hosting;

/// <summary>
/// Sends committed outbox rows to the bus and deletes them. Rows are claimed first (an update guarded by the
/// claim's expiry), so relays of several processes share the table; a relay that dies mid-batch leaves its
/// claim to expire and another sends the rows. A row can thus be sent twice, never lost: consumers tolerate
/// duplicates (stale dispatch ids are dropped, agency writes carry idempotency keys). Each message is published in
/// the trace stored with its row.
/// </summary>
internal sealed partial class OutboxRelay(
    IDbContextFactory<WorkflowDbContext> contexts,
    StoreWriteGate writes,
    IBus bus,
    WorkflowSignals signals,
    TimeProvider clock,
    IOptions<OrchestrationOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly Guid _relayId = Guid.NewGuid();
    private readonly OrchestrationOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await RelayBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRelayFailed(ex);
                sent = 0;
            }

            if (sent < _options.OutboxBatchSize)
            {
                await signals.WaitForOutboxAsync(_options.OutboxPollInterval, stoppingToken);
            }
        }
    }

    internal async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var ids = await db.Outbox.AsNoTracking()
            .Where(m => m.ClaimedUntil == null || m.ClaimedUntil < now)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(_options.OutboxBatchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var until = now + _options.OutboxClaimDuration;
        await writes.WriteAsync(() => db.Outbox
            .Where(m => ids.Contains(m.Id) && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, _relayId).SetProperty(m => m.ClaimedUntil, until), cancellationToken));
        var claimed = await db.Outbox.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.ClaimedBy == _relayId)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);

        foreach (var row in claimed)
        {
            var type = OutboxMessageTypes.Resolve(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Body, type, HubJson.Options)!;
            using var relay = WorkflowTelemetry.StartRelay(row.MessageType, row.TraceParent);
            await bus.Publish(message, type, cancellationToken);
        }

        var sentIds = claimed.Select(m => m.Id).ToList();
        await writes.WriteAsync(() => db.Outbox.Where(m => sentIds.Contains(m.Id) && m.ClaimedBy == _relayId).ExecuteDeleteAsync(cancellationToken));
        return ids.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed; the rows stay and are sent on the next pass")]
    private partial void LogRelayFailed(Exception exception);
}
