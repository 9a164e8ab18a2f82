using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Hub.Agencies;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Operations;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Hub.Operators;

/// <summary>What the operator API reads and does: every client's applications, the orchestrator's operator actions, the agencies. Every action is audited.</summary>
public sealed class OperatorConsole(
    IDbContextFactory<WorkflowDbContext> workflowContexts,
    WorkflowEngine engine,
    WorkflowOperations operations,
    IAdapterRegistry registry,
    AgencyProcessReports reports,
    HubRoleInfo role,
    TimeProvider clock,
    AuditTrail audit)
{
    private static readonly StepStatus[] HoldingStatuses = [StepStatus.Failed, StepStatus.RetryScheduled, StepStatus.Running, StepStatus.Waiting];

    public async Task<OperatorApplicationPage> ListAsync(
        ApplicationStatus? status, string? serviceCode, string? clientId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await workflowContexts.CreateDbContextAsync(cancellationToken);
        var query = db.Applications.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (serviceCode is not null)
        {
            query = query.Where(a => a.ServiceCode == serviceCode);
        }

        if (clientId is not null)
        {
            query = query.Where(a => a.ClientId == clientId);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new
            {
                a.Id, a.ClientId, a.ServiceCode, a.Status, a.SubmittedAt, a.UpdatedAt, a.StatusReason, a.CompletedAt,
                Holding = a.Steps.Where(st => HoldingStatuses.Contains(st.Status)).OrderBy(st => st.Position).Select(st => st.StepId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var items = rows.ConvertAll(a => new OperatorApplicationSummary(
            a.Id, a.ClientId, a.ServiceCode, a.Status, a.SubmittedAt, a.UpdatedAt, a.Holding, a.StatusReason, a.CompletedAt));
        return new OperatorApplicationPage(items, page, pageSize, total);
    }

    public async Task<OperatorApplication?> FindAsync(string operatorId, Guid id, CancellationToken cancellationToken)
    {
        var clientId = await ClientOfAsync(id, cancellationToken);
        if (clientId is null || await engine.GetAsync(id, cancellationToken) is not { } application)
        {
            return null;
        }

        await audit.AppendAsync(new AuditEntry(operatorId, AuditActions.OperatorApplicationRead, null, null, ["status", "steps", "outputs"], id.ToString()), cancellationToken);
        return new OperatorApplication(clientId, application);
    }

    public Task<IReadOnlyList<StuckApplication>> ListStuckAsync(CancellationToken cancellationToken) => operations.ListStuckAsync(cancellationToken);

    /// <summary>Null when there is no such application; false when it is not failed at that step.</summary>
    public async Task<bool?> RetryFromStepAsync(string operatorId, Guid id, string stepId, CancellationToken cancellationToken)
    {
        if (await ClientOfAsync(id, cancellationToken) is null)
        {
            return null;
        }

        var retried = await operations.RetryFromStepAsync(id, stepId, operatorId, cancellationToken);
        if (retried)
        {
            await audit.AppendAsync(new AuditEntry(operatorId, AuditActions.OperatorRetry, null, null, ["stepId"], id.ToString()), cancellationToken);
        }

        return retried;
    }

    /// <summary>Null when there is no such application; false when it has already finished or is unwinding.</summary>
    public async Task<bool?> CancelAsync(string operatorId, Guid id, string reason, CancellationToken cancellationToken)
    {
        if (await ClientOfAsync(id, cancellationToken) is null)
        {
            return null;
        }

        var cancelled = await operations.CancelAsync(id, reason, operatorId, cancellationToken);
        if (cancelled)
        {
            await audit.AppendAsync(new AuditEntry(operatorId, AuditActions.OperatorCancel, null, null, ["status", "reason"], id.ToString()), cancellationToken);
        }

        return cancelled;
    }

    public async Task<IReadOnlyList<OperatorAgency>> ListAgenciesAsync(CancellationToken cancellationToken)
    {
        var stops = (await operations.ListStoppedAgenciesAsync(cancellationToken)).ToDictionary(s => s.Agency, StringComparer.Ordinal);
        var others = await reports.ReadOthersAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. registry.GetAgencyStatuses().Select(status =>
        {
            var deployment = AgencyDeployment.Of(
            [
                AgencyProcessView.Live(status, reports.ProcessId, role.Name, now),
                .. others.Where(r => r.Agency == status.Agency).OrderBy(r => r.ProcessId, StringComparer.Ordinal).Select(r => r.ToView()),
            ]);
            return stops.TryGetValue(status.Agency, out var stop)
                ? new OperatorAgency(status, deployment, false, stop.Reason, stop.Since)
                : new OperatorAgency(status, deployment, status.HttpRetriesEnabled);
        })];
    }

    /// <summary>Stops the agency's workflow retries (they park) and its HTTP retries in this process; null for an unknown agency.</summary>
    public async Task<OperatorAgency?> StopRetriesAsync(string operatorId, string agency, string reason, CancellationToken cancellationToken)
    {
        if (!IsKnown(agency))
        {
            return null;
        }

        await operations.StopAgencyRetriesAsync(agency, reason, cancellationToken);
        registry.SetRetriesEnabled(agency, false);
        await audit.AppendAsync(new AuditEntry(operatorId, AuditActions.OperatorRetriesStopped, null, null, ["retriesEnabled", "reason"], agency), cancellationToken);
        return await FindAgencyAsync(agency, cancellationToken);
    }

    /// <summary>Lifts the kill switch: parked retries fire now; null for an unknown agency.</summary>
    public async Task<AgencyRetriesResumed?> ResumeRetriesAsync(string operatorId, string agency, CancellationToken cancellationToken)
    {
        if (!IsKnown(agency))
        {
            return null;
        }

        registry.SetRetriesEnabled(agency, true);
        var resumed = await operations.ResumeAgencyRetriesAsync(agency, cancellationToken);
        await audit.AppendAsync(new AuditEntry(operatorId, AuditActions.OperatorRetriesResumed, null, null, ["retriesEnabled"], agency), cancellationToken);
        return new AgencyRetriesResumed((await FindAgencyAsync(agency, cancellationToken))!, resumed);
    }

    private bool IsKnown(string agency) => registry.GetStatuses().Any(a => a.Agency == agency);

    private async Task<OperatorAgency?> FindAgencyAsync(string agency, CancellationToken cancellationToken) =>
        (await ListAgenciesAsync(cancellationToken)).FirstOrDefault(a => a.Status.Agency == agency);

    private async Task<string?> ClientOfAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await workflowContexts.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.ClientId).FirstOrDefaultAsync(cancellationToken);
    }
}
