using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Hosting;

/// <summary>
/// Fires due times stored on step rows (retry backoff, next status poll): sleeps until the earliest one (at most
/// the poll interval, woken early by local commits), then applies a due-time transition to each. Several
/// processes may fire the same row; the application's revision lets only one transition through.
/// </summary>
internal sealed partial class DueTimeScheduler(
    IDbContextFactory<WorkflowDbContext> contexts,
    WorkflowEngine engine,
    WorkflowSignals signals,
    TimeProvider clock,
    IOptions<OrchestrationOptions> options,
    ILogger<DueTimeScheduler> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private readonly OrchestrationOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            try
            {
                sleep = await FireDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFiringFailed(ex);
                sleep = _options.DueTimePollInterval;
            }

            if (sleep > TimeSpan.Zero)
            {
                await signals.WaitForDueTimesAsync(sleep, stoppingToken);
            }
        }
    }

    /// <summary>Fires what is due now; returns how long to sleep before the next due time.</summary>
    internal async Task<TimeSpan> FireDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<(Guid ApplicationId, string StepId)> due;
        DateTimeOffset? next;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = [.. (await db.Steps.AsNoTracking()
                .Where(s => s.DueAt != null && s.DueAt <= now)
                .OrderBy(s => s.DueAt)
                .Select(s => new { s.ApplicationId, s.StepId })
                .Take(BatchSize)
                .ToListAsync(cancellationToken))
                .Select(s => (s.ApplicationId, s.StepId))];
            next = due.Count == BatchSize
                ? now
                : await db.Steps.AsNoTracking().Where(s => s.DueAt != null && s.DueAt > now).MinAsync(s => s.DueAt, cancellationToken);
        }

        // All at once: the committer applies them in a few group commits.
        await Task.WhenAll(due.Select(row => engine.FireDueAsync(row.ApplicationId, row.StepId, cancellationToken)));

        var sleep = next is { } at ? at - clock.GetUtcNow() : _options.DueTimePollInterval;
        return sleep < _options.DueTimePollInterval ? sleep : _options.DueTimePollInterval;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Firing due times failed; they stay due and are fired on the next pass")]
    private partial void LogFiringFailed(Exception exception);
}
