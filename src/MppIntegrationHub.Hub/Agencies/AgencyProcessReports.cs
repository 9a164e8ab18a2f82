using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Hub.Store;

namespace MppIntegrationHub.Hub.Agencies;

/// <summary>
/// The agency figures every hub process reports to the store, so any API process can show the whole deployment: workers
/// make most agency calls, and breakers, quotas and traffic live in the process that makes them.
/// </summary>
public sealed class AgencyProcessReports(
    IDbContextFactory<HubApiDbContext> contexts, HubRoleInfo role, TimeProvider clock, IOptions<AgencyReportOptions> options)
{
    /// <summary>This process: host, process id and a start-unique suffix (process ids are reused).</summary>
    public string ProcessId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Replaces this process's reports with <paramref name="statuses"/> and deletes long-gone processes' reports.</summary>
    public async Task PublishAsync(IReadOnlyList<AgencyStatus> statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A handful of rows per process: read them all, decide here (SQLite cannot compare DateTimeOffset in SQL).
        var stored = await db.AgencyProcessReports.ToListAsync(cancellationToken);
        db.AgencyProcessReports.RemoveRange(stored.Where(r => r.ProcessId != ProcessId && now - r.ReportedAt > options.Value.Retention));
        var mine = stored.Where(r => r.ProcessId == ProcessId).ToDictionary(r => r.Agency, StringComparer.Ordinal);
        foreach (var status in statuses)
        {
            if (!mine.Remove(status.Agency, out var report))
            {
                report = new AgencyProcessReport { ProcessId = ProcessId, Agency = status.Agency, Role = string.Empty, Health = string.Empty, Breaker = string.Empty };
                db.AgencyProcessReports.Add(report);
            }

            Fill(report, status, now);
        }

        db.AgencyProcessReports.RemoveRange(mine.Values);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The current reports of the other processes (reported within three intervals).</summary>
    public async Task<IReadOnlyList<AgencyProcessReport>> ReadOthersAsync(CancellationToken cancellationToken)
    {
        var oldest = clock.GetUtcNow() - (3 * options.Value.Interval);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reports = await db.AgencyProcessReports.AsNoTracking().Where(r => r.ProcessId != ProcessId).ToListAsync(cancellationToken);
        return [.. reports.Where(r => r.ReportedAt >= oldest)];
    }

    /// <summary>Withdraws this process's reports (at shutdown).</summary>
    public async Task WithdrawAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.AgencyProcessReports.Where(r => r.ProcessId == ProcessId).ExecuteDeleteAsync(cancellationToken);
    }

    private void Fill(AgencyProcessReport report, AgencyStatus status, DateTimeOffset now)
    {
        report.Role = role.Name;
        report.Health = status.Health.ToString();
        report.Breaker = status.Breaker.ToString();
        report.HttpRetriesEnabled = status.HttpRetriesEnabled;
        report.QuotaAvailable = status.QuotaAvailable;
        report.CallsPerMinute = status.Traffic.CallsPerMinute;
        report.FailuresPerMinute = status.Traffic.FailuresPerMinute;
        report.MeanLatencyMs = status.Traffic.MeanLatencyMs;
        report.ReportedAt = now;
    }
}
