using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Orchestration.Definitions;
using MppIntegrationHub.Orchestration.Persistence;
using MppIntegrationHub.Orchestration.Prediction;
using MppIntegrationHub.Orchestration.Telemetry;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// Runs transitions against the store: load an application, apply one event, commit its rows and outbox
/// messages in one transaction guarded by the application's revision. A concurrent change (another worker,
/// another process) makes the commit fail; the event is then applied again to the fresh state, so no transition
/// is ever applied twice or lost.
/// </summary>
public sealed class WorkflowEngine
{
    private const int MaxConflictRetries = 50;

    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly StoreWriteGate _writes;
    private readonly WorkflowDefinitionRegistry _registry;
    private readonly TimeProvider _clock;
    private readonly OrchestrationOptions _options;
    private readonly WorkflowSignals _signals;
    private readonly AgencyRetryBudget _budget;
    private readonly CompletionPredictor _predictor;

    internal WorkflowEngine(
        IDbContextFactory<WorkflowDbContext> contexts,
        StoreWriteGate writes,
        WorkflowDefinitionRegistry registry,
        TimeProvider clock,
        IOptions<OrchestrationOptions> options,
        WorkflowSignals signals,
        AgencyRetryBudget budget,
        CompletionPredictor predictor)
    {
        _contexts = contexts;
        _writes = writes;
        _registry = registry;
        _clock = clock;
        _options = options.Value;
        _signals = signals;
        _budget = budget;
        _predictor = predictor;
    }

    /// <summary>
    /// Accepts an application on the service's current definition version and starts it: the application, its
    /// steps and the first dispatches are committed together.
    /// </summary>
    /// <exception cref="ApplicationInputException">Unknown service or answers the definition does not accept.</exception>
    public async Task<ServiceApplication> SubmitAsync(SubmitApplicationRequest request, string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = _registry.FindLatest(request.ServiceCode)
            ?? throw new ApplicationInputException([$"Unknown service code '{request.ServiceCode}'."]);
        var errors = ApplicationInputs.Check(plan.Definition, request.Inputs);
        if (errors.Count > 0)
        {
            throw new ApplicationInputException(errors);
        }

        var now = _clock.GetUtcNow();
        var app = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(now),
            ServiceCode = plan.Definition.Service,
            WorkflowVersion = plan.Definition.Version,
            ClientId = clientId,
            Nik = request.Nik.Value,
            InputsJson = JsonSerializer.Serialize(request.Inputs, HubJson.Options),
            Status = ApplicationStatus.Submitted,
            SubmittedAt = now,
            UpdatedAt = now,
            TraceParent = WorkflowTelemetry.CurrentTraceParent(),
        };
        app.Steps.AddRange(plan.Definition.Steps.Select((s, position) => new WorkflowStepState
        {
            ApplicationId = app.Id,
            StepId = s.Id,
            Position = position,
            Capability = s.Capability,
            Status = StepStatus.Pending,
        }));

        var transition = new WorkflowTransition(app, plan, now, _options);
        transition.Messages.Add(new ApplicationSubmitted(app.Id, clientId, app.ServiceCode, now));
        transition.Start();

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        db.Applications.Add(app);
        Stage(db, app, plan, transition, now, revision: false);
        await _writes.WriteAsync(() => db.SaveChangesAsync(cancellationToken));
        AfterCommit(app, transition);
        return ApplicationMapper.ToContract(app);
    }

    public async Task<ServiceApplication?> GetAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var app = await db.Applications.AsNoTracking().Include(a => a.Steps).FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        return app is null ? null : ApplicationMapper.ToContract(app);
    }

    internal async Task<WorkflowInstance?> LoadAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().Include(a => a.Steps).FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
    }

    internal WorkflowPlan PlanOf(WorkflowInstance app) => _registry.Get(app.ServiceCode, app.WorkflowVersion);

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

        return await ApplyAsync(applicationId, t => t.RecordOutcome(stepId, dispatchId, result, gate), cancellationToken);
    }

    internal async Task<bool> FireDueAsync(Guid applicationId, string stepId, CancellationToken cancellationToken)
    {
        using var wakeup = WorkflowTelemetry.StartBackground("workflow due-time", applicationId);
        return await ApplyAsync(applicationId, t => t.FireDue(stepId), cancellationToken, wakeup);
    }

    internal async Task<bool> RedispatchExpiredLeaseAsync(Guid applicationId, string stepId, Guid dispatchId, CancellationToken cancellationToken)
    {
        using var sweep = WorkflowTelemetry.StartBackground("workflow lease-expired", applicationId);
        return await ApplyAsync(applicationId, t => t.RedispatchExpiredLease(stepId, dispatchId), cancellationToken, sweep);
    }

    internal Task<bool> RecordCaseUpdateAsync(Guid applicationId, string stepId, JsonElement agencyCase, CancellationToken cancellationToken) =>
        ApplyAsync(applicationId, t => t.RecordCaseUpdate(stepId, agencyCase), cancellationToken);

    internal Task<bool> CancelAsync(Guid applicationId, string reason, CancellationToken cancellationToken) =>
        ApplyAsync(applicationId, t => t.Cancel(reason), cancellationToken);

    internal Task<bool> RetryFromAsync(Guid applicationId, string stepId, CancellationToken cancellationToken) =>
        ApplyAsync(applicationId, t => t.RetryFrom(stepId), cancellationToken);

    internal Task<bool> ResumeAgencyAsync(Guid applicationId, string agency, CancellationToken cancellationToken) =>
        ApplyAsync(applicationId, t => t.ResumeAgency(agency), cancellationToken);

    private async Task<bool> ApplyAsync(
        Guid applicationId, Func<WorkflowTransition, bool> apply, CancellationToken cancellationToken, Activity? backgroundTrace = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var app = await db.Applications.Include(a => a.Steps).FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
            if (app is null)
            {
                return false;
            }

            if (attempt == 1)
            {
                WorkflowTelemetry.LinkToSubmission(backgroundTrace, app.TraceParent);
            }

            var plan = PlanOf(app);
            var now = _clock.GetUtcNow();
            var transition = new WorkflowTransition(app, plan, now, _options);
            if (!apply(transition))
            {
                return false;
            }

            Stage(db, app, plan, transition, now, revision: true);
            try
            {
                await _writes.WriteAsync(() => db.SaveChangesAsync(cancellationToken));
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxConflictRetries)
            {
                continue; // someone else moved this application first: apply the event to what they left
            }

            AfterCommit(app, transition);
            return true;
        }
    }

    private void Stage(WorkflowDbContext db, WorkflowInstance app, WorkflowPlan plan, WorkflowTransition transition, DateTimeOffset now, bool revision)
    {
        if (revision)
        {
            app.Revision++;
        }

        app.UpdatedAt = now;
        var expected = _predictor.Predict(app, plan, now);
        app.ExpectedP50 = expected?.P50;
        app.ExpectedP90 = expected?.P90;
        foreach (var message in transition.Messages)
        {
            db.Outbox.Add(new OutboxMessage
            {
                MessageType = OutboxMessageTypes.NameOf(message),
                Body = JsonSerializer.Serialize(message, message.GetType(), HubJson.Options),
                CreatedAt = now,
                TraceParent = WorkflowTelemetry.CurrentTraceParent(),
            });
        }
    }

    private void AfterCommit(WorkflowInstance app, WorkflowTransition transition)
    {
        foreach (var (capability, duration) in transition.FinishedSteps)
        {
            _predictor.Observe(capability, duration);
        }

        if (transition.Messages.Count > 0)
        {
            _signals.OutboxWritten();
        }

        if (app.Steps.Any(s => s.DueAt is not null))
        {
            _signals.DueTimesChanged();
        }
    }
}
