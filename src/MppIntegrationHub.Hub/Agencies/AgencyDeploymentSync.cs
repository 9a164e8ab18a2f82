using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Orchestration.Operations;

namespace MppIntegrationHub.Hub.Agencies;

/// <summary>
/// Every interval, in every process: applies the stored retry kill switch to this process's HTTP pipelines (an operator
/// stops an agency's retries on one API process; the workers making the calls follow within an interval, and a
/// restarted process starts from the stored switch), then reports this process's agency figures.
/// </summary>
internal sealed partial class AgencyDeploymentSync(
    IAdapterRegistry registry,
    WorkflowOperations operations,
    AgencyProcessReports reports,
    TimeProvider clock,
    IOptions<AgencyReportOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<AgencyDeploymentSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The tables it reads are migrated by other hosted services; they have all started once the host has.
        await WhenHostStartedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store may be briefly unavailable; the next interval tries again.
                LogSyncFailed(logger, ex);
            }

            await Task.Delay(options.Value.Interval, clock, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await reports.WithdrawAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Left behind, the reports age out of the view after three intervals.
            LogSyncFailed(logger, ex);
        }
    }

    private Task WhenHostStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(started.SetResult);
        return started.Task.WaitAsync(stoppingToken);
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        var before = registry.GetAgencyStatuses().ToDictionary(a => a.Agency, a => a.HttpRetriesEnabled, StringComparer.Ordinal);
        var stopped = (await operations.ListStoppedAgenciesAsync(cancellationToken)).Select(s => s.Agency).ToHashSet(StringComparer.Ordinal);
        foreach (var agency in registry.GetAgencyStatuses())
        {
            var enabled = !stopped.Contains(agency.Agency);
            // An operator action in this process while the store was read is newer than what was read: leave it.
            if (agency.HttpRetriesEnabled != enabled && before.GetValueOrDefault(agency.Agency, agency.HttpRetriesEnabled) == agency.HttpRetriesEnabled)
            {
                registry.SetRetriesEnabled(agency.Agency, enabled);
            }
        }

        var statuses = registry.GetAgencyStatuses();
        await reports.PublishAsync(statuses, cancellationToken);
        LogSynchronised(logger, statuses.Count, stopped.Count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Agency deployment synchronised: {Reported} agencies reported, {Stopped} with retries stopped.")]
    private static partial void LogSynchronised(ILogger logger, int reported, int stopped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agency reports not synchronised with the store; retrying next interval.")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
