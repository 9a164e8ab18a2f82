using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Orchestration.Definitions;
using MppIntegrationHub.Orchestration.Persistence;
using MppIntegrationHub.Orchestration.Telemetry;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// Runs transitions against the store: each event is queued for the <see cref="WorkflowCommitter"/>, which applies
/// it together with the other events that arrived meanwhile and commits their rows and outbox messages in one
/// transaction guarded by each application's revision. A concurrent change (another process) makes the commit fail;
/// the events are then applied again to the fresh state, so no transition is ever applied twice or lost.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly WorkflowCommitter _committer;
    private readonly WorkflowReader _reader;
    private readonly WorkflowDefinitionRegistry _registry;
    private readonly TimeProvider _clock;
    private readonly AgencyRetryBudget _budget;

    internal WorkflowEngine(
        IDbContextFactory<WorkflowDbContext> contexts,
        WorkflowCommitter committer,
        WorkflowReader reader,
        WorkflowDefinitionRegistry registry,
        TimeProvider clock,
        AgencyRetryBudget budget)
    {
        _contexts = contexts;
        _committer = committer;
        _reader = reader;
        _registry = registry;
        _clock = clock;
        _budget = budget;
    }

    /// <summary>
    /// Accepts an application on the service's current definition version and starts it: the application, its
    /// steps and the first dispatches are committed together.
    /// </summary>
    /// <exception cref="ApplicationInputException">Unknown service or answers the definition does not accept.</exception>
    public Task<ServiceApplication> SubmitAsync(SubmitApplicationRequest request, string clientId, CancellationToken cancellationToken = default) =>
        SubmitAsync(request, clientId, null, cancellationToken);

    /// <summary>
    /// Like <see cref="SubmitAsync(SubmitApplicationRequest, string, CancellationToken)"/> under an id the caller chose and
    /// recorded first, so that after a crash it can tell whether the submission committed (the id exists) or not.
    /// </summary>
    /// <exception cref="ApplicationInputException">Unknown service or answers the definition does not accept.</exception>
    public async Task<ServiceApplication> SubmitAsync(
        SubmitApplicationRequest request, string clientId, Guid? applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = _registry.FindLatest(request.ServiceCode)
            ?? throw new ApplicationInputException([$"Unknown service code '{request.ServiceCode}'."]);
        var errors = ApplicationInputs.Check(plan.Definition, request.Inputs);
        if (errors.Count > 0)
        {
            throw new ApplicationInputException(errors);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var now = _clock.GetUtcNow();
        var id = applicationId ?? Guid.CreateVersion7(now);
        var inputs = JsonSerializer.Serialize(request.Inputs, HubJson.Options);
        var nik = request.Nik.Value;
        var traceParent = WorkflowTelemetry.CurrentTraceParent();
        WorkflowInstance Create()
        {
            var app = new WorkflowInstance
            {
                Id = id,
                ServiceCode = plan.Definition.Service,
                WorkflowVersion = plan.Definition.Version,
                ClientId = clientId,
                Nik = nik,
                InputsJson = inputs,
                Status = ApplicationStatus.Submitted,
                SubmittedAt = now,
                UpdatedAt = now,
                TraceParent = traceParent,
            };
            app.Steps.AddRange(plan.Definition.Steps.Select((s, position) => new WorkflowStepState
            {
                ApplicationId = id,
                StepId = s.Id,
                Position = position,
                Capability = s.Capability,
                Status = StepStatus.Pending,
            }));
            return app;
        }

        var committed = await _committer.CommitAsync(PendingTransition.Insert(id, Create, t =>
        {
            t.Messages.Add(new ApplicationSubmitted(id, clientId, plan.Definition.Service, now));
            return t.Start();
        })).WaitAsync(cancellationToken);
        return ApplicationMapper.ToContract(committed!);
    }

    public async Task<ServiceApplication?> GetAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var apps = await WorkflowLoads.ReadOnlyAsync(db, [applicationId], cancellationToken);
        if (!apps.TryGetValue(applicationId, out var app))
        {
            return null;
        }

        // Outputs are stored once the application completes; until then the portal sees those produced so far (e.g. the billing code to pay).
        return ApplicationMapper.ToContract(app, app.OutputsJson is null ? WorkflowOutputs.Resolve(app, PlanOf(app)) : null);
    }

    /// <summary>The application as it was when the attempt was dispatched, or as the store has it now.</summary>
    internal Task<WorkflowInstance?> LoadForAttemptAsync(Guid applicationId, StepDispatch dispatch, CancellationToken cancellationToken) =>
        _reader.LoadForAttemptAsync(applicationId, dispatch, cancellationToken);

    internal WorkflowPlan PlanOf(WorkflowInstance app) => _committer.PlanOf(app);

    internal async Task<bool> RecordOutcomeAsync(Guid applicationId, string stepId, Guid dispatchId, StepResult result, CancellationToken cancellationToken)
    {
        var gate = RetryGate.Open;
        if (result.Error is { IsRetryable: true } error)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var control = await db.AgencyRetryControls.AsNoTracking().FirstOrDefaultAsync(c => c.Agency == error.Agency, cancellationToken);
            gate = control is { RetriesStopped: true }
                ? new RetryGate(true, TimeSpan.Zero)
                : new RetryGate(false, _budget.Reserve(error.Agency, _clock.GetUtcNow()));
        }

        var outcome = PendingTransition.Outcome(applicationId, new StepDispatch(stepId, dispatchId), t => t.RecordOutcome(stepId, dispatchId, result, gate));
        return await _committer.CommitAsync(outcome).WaitAsync(cancellationToken) is not null;
    }

    internal async Task<bool> FireDueAsync(Guid applicationId, string stepId, CancellationToken cancellationToken)
    {
        using var wakeup = WorkflowTelemetry.StartBackground("workflow due-time", applicationId);
        return await ApplyLinkedAsync(wakeup, applicationId, t => t.FireDue(stepId), cancellationToken);
    }

    internal async Task<bool> RedispatchExpiredLeaseAsync(Guid applicationId, string stepId, Guid dispatchId, CancellationToken cancellationToken)
    {
        using var sweep = WorkflowTelemetry.StartBackground("workflow lease-expired", applicationId);
        return await ApplyLinkedAsync(sweep, applicationId, t => t.RedispatchExpiredLease(stepId, dispatchId), cancellationToken);
    }

    internal Task<bool> RecordCaseUpdateAsync(Guid applicationId, string stepId, JsonElement agencyCase, CancellationToken cancellationToken) =>
        ApplyAsync(applicationId, t => t.RecordCaseUpdate(stepId, agencyCase), cancellationToken);

    internal Task<bool> CancelAsync(Guid applicationId, string reason, CancellationToken cancellationToken) =>
        ApplyAsync(applicationId, t => t.Cancel(reason), cancellationToken);

    internal Task<bool> RetryFromAsync(Guid applicationId, string stepId, CancellationToken cancellationToken) =>
        ApplyAsync(applicationId, t => t.RetryFrom(stepId), cancellationToken);

    internal Task<bool> ResumeAgencyAsync(Guid applicationId, string agency, CancellationToken cancellationToken) =>
        ApplyAsync(applicationId, t => t.ResumeAgency(agency), cancellationToken);

    // A background event's trace (its dispatches are sent in it) links to the trace the application was submitted in.
    private async Task<bool> ApplyLinkedAsync(Activity? trace, Guid applicationId, Func<WorkflowTransition, bool> apply, CancellationToken cancellationToken)
    {
        var committed = await _committer.CommitAsync(PendingTransition.Update(applicationId, apply)).WaitAsync(cancellationToken);
        WorkflowTelemetry.LinkToSubmission(trace, committed?.TraceParent);
        return committed is not null;
    }

    // The caller's token stops it waiting, not the commit: once queued, the event is applied or failed with its batch.
    private async Task<bool> ApplyAsync(Guid applicationId, Func<WorkflowTransition, bool> apply, CancellationToken cancellationToken) =>
        await _committer.CommitAsync(PendingTransition.Update(applicationId, apply)).WaitAsync(cancellationToken) is not null;
}
