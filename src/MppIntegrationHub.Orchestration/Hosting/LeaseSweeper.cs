using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Hosting;

/// <summary>
/// Re-dispatches steps whose lease expired: the worker died, the message was lost, or the process restarted
/// between commit and send. The new attempt carries the same idempotency key, so the agency effect still
/// happens at most once.
/// </summary>
internal sealed partial class LeaseSweeper(
    IDbContextFactory<WorkflowDbContext> contexts,
    WorkflowEngine engine,
    TimeProvider clock,
    IOptions<OrchestrationOptions> options,
    ILogger<LeaseSweeper> logger) : BackgroundService
{
    private readonly OrchestrationOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.LeaseSweepInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<(Guid ApplicationId, string StepId, Guid DispatchId)> expired;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            expired = [.. (await db.Steps.AsNoTracking()
                .Where(s => s.Status == StepStatus.Running && s.LeaseExpiresAt != null && s.LeaseExpiresAt <= now)
                .OrderBy(s => s.LeaseExpiresAt)
                .Select(s => new { s.ApplicationId, s.StepId, s.DispatchId })
                .Take(1_000)
                .ToListAsync(cancellationToken))
                .Select(s => (s.ApplicationId, s.StepId, s.DispatchId!.Value))];
        }

        var redispatched = await Task.WhenAll(expired.Select(row =>
            engine.RedispatchExpiredLeaseAsync(row.ApplicationId, row.StepId, row.DispatchId, cancellationToken)));
        return redispatched.Count(applied => applied);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease sweep failed; expired leases are swept on the next pass")]
    private partial void LogSweepFailed(Exception exception);
}
