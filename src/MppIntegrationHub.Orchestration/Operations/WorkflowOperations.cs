using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Operations;

/// <summary>What operators (through the API or the bus) may do to running applications and agencies.</summary>
public sealed class WorkflowOperations
{
    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly StoreWriteGate _writes;
    private readonly WorkflowEngine _engine;
    private readonly TimeProvider _clock;
    private readonly OrchestrationOptions _options;

    internal WorkflowOperations(IDbContextFactory<WorkflowDbContext> contexts, StoreWriteGate writes, WorkflowEngine engine, TimeProvider clock, IOptions<OrchestrationOptions> options)
    {
        _contexts = contexts;
        _writes = writes;
        _engine = engine;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>Re-runs a failed application from <paramref name="stepId"/> (a failed step); undone and skipped steps run again.</summary>
    /// <returns>False when the application is not failed at that step.</returns>
    public Task<bool> RetryFromStepAsync(Guid applicationId, string stepId, string requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        return _engine.RetryFromAsync(applicationId, stepId, cancellationToken);
    }

    /// <summary>Cancels a running application: compensation undoes completed agency effects, then it ends as cancelled.</summary>
    /// <returns>False when the application is already finished or unwinding.</returns>
    public Task<bool> CancelAsync(Guid applicationId, string reason, string requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        return _engine.CancelAsync(applicationId, $"Cancelled by {requestedBy}: {reason}", cancellationToken);
    }

    /// <summary>
    /// Applications that need a person: retries parked by the kill switch, steps retrying for longer than
    /// <see cref="OrchestrationOptions.StuckAfter"/>, dispatched work whose lease lapsed unswept, and compensations
    /// that failed.
    /// </summary>
    public async Task<IReadOnlyList<StuckApplication>> ListStuckAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var cutoff = now - _options.StuckAfter;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.Status != ApplicationStatus.Completed && a.Status != ApplicationStatus.Cancelled)
            .SelectMany(a => a.Steps, (a, s) => new { App = a, Step = s })
            .Where(x => (x.Step.Status == StepStatus.RetryScheduled && (x.Step.DueAt == null || x.Step.StartedAt < cutoff))
                || (x.Step.Status == StepStatus.Running && x.Step.LeaseExpiresAt < cutoff)
                || (x.Step.Status == StepStatus.Failed && x.Step.Compensating))
            .OrderBy(x => x.App.UpdatedAt)
            .Take(1_000)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new StuckApplication(
            x.App.Id,
            x.App.ServiceCode,
            x.App.Status,
            x.App.StatusReason,
            x.Step.StepId,
            x.Step.Status,
            x.Step.Attempts,
            x.Step.StartedAt ?? x.App.SubmittedAt,
            x.Step.ErrorAgency,
            x.Step.ErrorMessage))];
    }

    /// <summary>Agencies whose retries an operator has stopped, with the reason and since when.</summary>
    public async Task<IReadOnlyList<AgencyRetryStop>> ListStoppedAgenciesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.AgencyRetryControls.AsNoTracking()
            .Where(c => c.RetriesStopped)
            .Select(c => new AgencyRetryStop(c.Agency, c.Reason, c.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The kill switch: stops retries to <paramref name="agency"/>; failing steps park until <see cref="ResumeAgencyRetriesAsync"/>.</summary>
    public async Task StopAgencyRetriesAsync(string agency, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var control = await db.AgencyRetryControls.FindAsync([agency], cancellationToken);
        if (control is null)
        {
            control = new AgencyRetryControl { Agency = agency };
            db.AgencyRetryControls.Add(control);
        }

        control.RetriesStopped = true;
        control.Reason = reason;
        control.UpdatedAt = _clock.GetUtcNow();
        await _writes.WriteAsync(() => db.SaveChangesAsync(cancellationToken));
    }

    /// <summary>Lifts the kill switch and makes every parked retry to <paramref name="agency"/> due now.</summary>
    /// <returns>How many applications resume.</returns>
    public async Task<int> ResumeAgencyRetriesAsync(string agency, CancellationToken cancellationToken = default)
    {
        List<Guid> parked;
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            await _writes.WriteAsync(() => db.AgencyRetryControls.Where(c => c.Agency == agency)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RetriesStopped, false).SetProperty(c => c.UpdatedAt, _clock.GetUtcNow()), cancellationToken));
            parked = await db.Steps.AsNoTracking()
                .Where(s => s.Status == StepStatus.RetryScheduled && s.DueAt == null && s.ErrorAgency == agency)
                .Select(s => s.ApplicationId)
                .Distinct()
                .ToListAsync(cancellationToken);
        }

        var resumed = 0;
        foreach (var applicationId in parked)
        {
            if (await _engine.ResumeAgencyAsync(applicationId, agency, cancellationToken))
            {
                resumed++;
            }
        }

        return resumed;
    }
}

/// <summary>An application an operator should look at, with the step that holds it.</summary>
public sealed record StuckApplication(
    Guid ApplicationId,
    string ServiceCode,
    ApplicationStatus Status,
    string? Reason,
    string StepId,
    StepStatus StepStatus,
    int Attempts,
    DateTimeOffset Since,
    string? Agency,
    string? LastError);

/// <summary>An agency whose retries an operator stopped.</summary>
public sealed record AgencyRetryStop(string Agency, string? Reason, DateTimeOffset Since);
