using System.Text.Json;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Orchestration.Definitions;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// The workflow state machine: applies one event to an application loaded from the store. It only mutates the
/// rows and collects the messages to send; the engine commits both together (outbox) or, on a concurrent change,
/// throws the whole transition away and applies it again to fresh state.
/// </summary>
internal sealed class WorkflowTransition
{
    private readonly WorkflowInstance _app;
    private readonly WorkflowPlan _plan;
    private readonly DateTimeOffset _now;
    private readonly OrchestrationOptions _options;
    private readonly ApplicationStatus _initialStatus;
    private readonly string? _initialReason;

    public WorkflowTransition(WorkflowInstance app, WorkflowPlan plan, DateTimeOffset now, OrchestrationOptions options)
    {
        _app = app;
        _plan = plan;
        _now = now;
        _options = options;
        _initialStatus = app.Status;
        _initialReason = app.StatusReason;
    }

    public List<object> Messages { get; } = [];

    public List<(string Capability, TimeSpan Duration)> FinishedSteps { get; } = [];

    private bool IsForward => _app.Status is ApplicationStatus.Submitted or ApplicationStatus.Running
        or ApplicationStatus.Waiting or ApplicationStatus.Paused;

    private bool IsUnwinding => _app.Status is ApplicationStatus.Compensating or ApplicationStatus.Cancelling;

    public bool Start()
    {
        if (_app.Status != ApplicationStatus.Submitted)
        {
            return false;
        }

        _app.Status = ApplicationStatus.Running;
        Advance();
        return Finish();
    }

    public bool RecordOutcome(string stepId, Guid dispatchId, StepResult result, RetryGate gate)
    {
        var step = Find(stepId);
        if (step is null || step.Status != StepStatus.Running || step.DispatchId != dispatchId)
        {
            return false; // a stale or duplicate delivery: the attempt it answers is no longer the current one
        }

        step.DispatchId = null;
        step.LeaseExpiresAt = null;
        var definition = _plan.Step(stepId);
        if (step.Compensating)
        {
            CompensationOutcome(step, definition, result, gate);
        }
        else
        {
            ForwardOutcome(step, definition, result, gate);
        }

        Advance();
        return Finish();
    }

    public bool FireDue(string stepId)
    {
        var step = Find(stepId);
        if (step is not { DueAt: { } due } || due > _now)
        {
            return false;
        }

        step.DueAt = null;
        if (step.Status is StepStatus.RetryScheduled or StepStatus.Waiting && (IsForward || step.Compensating))
        {
            Dispatch(step, _plan.Step(stepId));
        }

        Advance();
        return Finish();
    }

    public bool RedispatchExpiredLease(string stepId, Guid dispatchId)
    {
        var step = Find(stepId);
        if (step is not { Status: StepStatus.Running, LeaseExpiresAt: { } expires } || step.DispatchId != dispatchId || expires > _now)
        {
            return false;
        }

        Dispatch(step, _plan.Step(stepId));
        Advance();
        return Finish();
    }

    public bool RecordCaseUpdate(string stepId, JsonElement agencyCase)
    {
        var step = Find(stepId);
        if (step is not { Status: StepStatus.Waiting, Compensating: false } || !IsForward)
        {
            return false;
        }

        step.DueAt = null;
        Evaluate(step, _plan.Step(stepId), agencyCase);
        Advance();
        return Finish();
    }

    public bool Cancel(string reason)
    {
        if (!IsForward)
        {
            return false;
        }

        BeginUnwind(ApplicationStatus.Cancelling, reason);
        Advance();
        return Finish();
    }

    public bool RetryFrom(string stepId)
    {
        var failed = Find(stepId);
        if (_app.Status != ApplicationStatus.Failed || failed is not { Status: StepStatus.Failed })
        {
            return false;
        }

        foreach (var step in _app.Steps.Where(s => s.Status is StepStatus.Failed or StepStatus.Skipped or StepStatus.Compensated))
        {
            // A new generation means a new idempotency key: the agency must not answer the old, failed or undone call.
            step.Generation++;
            step.Status = StepStatus.Pending;
            step.Compensating = false;
            step.StartedAt = step.FinishedAt = step.DueAt = step.DeadlineAt = step.LeaseExpiresAt = null;
            step.DispatchId = null;
            step.OutputJson = step.CorrelationRef = null;
            ClearError(step);
        }

        _app.Status = ApplicationStatus.Running;
        _app.StatusReason = null;
        _app.CompletedAt = null;
        Advance();
        return Finish();
    }

    public bool ResumeAgency(string agency)
    {
        var parked = _app.Steps.Where(s => s is { Status: StepStatus.RetryScheduled, DueAt: null } && s.ErrorAgency == agency).ToList();
        foreach (var step in parked)
        {
            step.DueAt = _now;
        }

        return parked.Count > 0 && Finish();
    }

    private void ForwardOutcome(WorkflowStepState step, StepDefinition definition, StepResult result, RetryGate gate)
    {
        if (result.CorrelationRef is not null)
        {
            step.CorrelationRef = result.CorrelationRef;
        }

        if (result.Error is { } error)
        {
            RecordError(step, error);
            if (!IsForward)
            {
                // Cancelled or failing meanwhile: the attempt's effect (if any) is undone by its idempotent key never being re-sent.
                MarkSkipped(step);
            }
            else if (error.IsRetryable)
            {
                ScheduleRetry(step, definition.Retry, error, gate, step.DeadlineAt);
            }
            else
            {
                FailStep(step, definition, error.Message);
            }

            return;
        }

        Evaluate(step, definition, result.Output ?? default);
    }

    private void Evaluate(WorkflowStepState step, StepDefinition definition, JsonElement output)
    {
        step.OutputJson = output.ValueKind == JsonValueKind.Undefined ? null : output.GetRawText();
        ClearError(step);
        if (OutputConditions.Matches(definition.FailWhen, output))
        {
            FailStep(step, definition, OutputConditions.Reason(definition.ReasonField, output));
        }
        else if (definition.SucceedWhen is null || OutputConditions.Matches(definition.SucceedWhen, output))
        {
            Succeed(step);
        }
        else if (definition.Wait is not { } wait)
        {
            FailStep(step, definition, OutputConditions.Reason(definition.ReasonField, output));
        }
        else if (!IsForward)
        {
            MarkSkipped(step);
        }
        else if (step.DeadlineAt is { } giveUp && _now >= giveUp)
        {
            FailStep(step, definition, "no answer before the waiting time ran out");
        }
        else
        {
            step.Status = StepStatus.Waiting;
            var next = _now + wait.PollInterval;
            step.DueAt = step.DeadlineAt is { } deadline && deadline < next ? deadline : next;
        }
    }

    private void CompensationOutcome(WorkflowStepState step, StepDefinition definition, StepResult result, RetryGate gate)
    {
        if (result.Error is null)
        {
            step.Status = StepStatus.Compensated;
            step.FinishedAt = _now;
            ClearError(step);
            return;
        }

        RecordError(step, result.Error);
        if (result.Error.IsRetryable)
        {
            // Undoing must eventually happen: no deadline, the operator sees it among stuck applications.
            ScheduleRetry(step, definition.Retry, result.Error, gate, deadline: null);
            return;
        }

        step.Status = StepStatus.Failed;
        step.FinishedAt = _now;
        _app.StatusReason = $"{_app.StatusReason} Undoing '{step.StepId}' failed: {result.Error.Message}";
    }

    private void ScheduleRetry(WorkflowStepState step, RetryPolicy policy, AgencyError error, RetryGate gate, DateTimeOffset? deadline)
    {
        step.Status = StepStatus.RetryScheduled;
        if (gate.Stopped)
        {
            step.DueAt = null; // parked until an operator resumes the agency
            return;
        }

        var delay = Backoff(policy, step.Attempts);
        if (error.RetryAfter is { } after && after > delay)
        {
            delay = after;
        }

        var due = _now + delay + gate.BudgetDelay;
        if (deadline is { } d && due > d)
        {
            FailStep(step, _plan.Step(step.StepId), $"{error.Agency} did not recover before the step's deadline");
            return;
        }

        step.DueAt = due;
    }

    private static TimeSpan Backoff(RetryPolicy policy, int attempts)
    {
        var exponential = policy.InitialDelay.TotalMilliseconds * Math.Pow(policy.Multiplier, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, policy.MaxDelay.TotalMilliseconds);

        // Jitter (80-120%) spreads the retries of many applications paused by one outage.
#pragma warning disable CA5394 // not security-sensitive
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * Random.Shared.NextDouble())));
#pragma warning restore CA5394
    }

    private void Succeed(WorkflowStepState step)
    {
        step.Status = StepStatus.Succeeded;
        step.FinishedAt = _now;
        step.DueAt = null;
        Completed(step);
    }

    private void FailStep(WorkflowStepState step, StepDefinition definition, string? detail)
    {
        step.Status = StepStatus.Failed;
        step.FinishedAt = _now;
        step.DueAt = null;
        Completed(step);
        var reason = string.IsNullOrWhiteSpace(detail) ? definition.FailureReason : $"{definition.FailureReason}: {detail}";
        if (IsForward)
        {
            BeginUnwind(ApplicationStatus.Compensating, reason);
        }
        else if (_app.Status == ApplicationStatus.Compensating)
        {
            // A parallel step that was in flight failed too: the citizen learns every reason at once.
            _app.StatusReason = $"{_app.StatusReason}; {reason}";
        }
    }

    private void Completed(WorkflowStepState step)
    {
        var duration = _now - (step.StartedAt ?? _now);
        Messages.Add(new ApplicationStepCompleted(_app.Id, step.StepId, step.Capability, step.Status, duration, _now));
        if (step.Status == StepStatus.Succeeded)
        {
            FinishedSteps.Add((step.Capability, duration));
        }
    }

    private void BeginUnwind(ApplicationStatus status, string reason)
    {
        _app.Status = status;
        _app.StatusReason = reason;
        foreach (var step in _app.Steps.Where(s => !s.Compensating && s.Status is StepStatus.Pending or StepStatus.Waiting or StepStatus.RetryScheduled))
        {
            MarkSkipped(step);
        }
    }

    private static void MarkSkipped(WorkflowStepState step)
    {
        step.Status = StepStatus.Skipped;
        step.DueAt = null;
    }

    // Forward: dispatch every step whose dependencies succeeded. Unwinding: once nothing forward is in flight,
    // compensate succeeded steps one at a time in reverse dependency order, then end the application.
    private void Advance()
    {
        if (IsForward)
        {
            AdvanceForward();
        }
        else if (IsUnwinding)
        {
            AdvanceUnwind();
        }
    }

    private void AdvanceForward()
    {
        foreach (var definition in _plan.TopologicalOrder)
        {
            var step = Find(definition.Id)!;
            if (step.Status == StepStatus.Pending && definition.DependsOn.All(d => Find(d)!.Status == StepStatus.Succeeded))
            {
                Dispatch(step, definition);
            }
        }

        if (_app.Steps.All(s => s.Status == StepStatus.Succeeded))
        {
            _app.Status = ApplicationStatus.Completed;
            _app.StatusReason = null;
            _app.CompletedAt = _now;
            _app.OutputsJson = BuildOutputs();
            return;
        }

        var retrying = _app.Steps.FirstOrDefault(s => s.Status == StepStatus.RetryScheduled);
        (_app.Status, _app.StatusReason) = retrying is not null
            ? (ApplicationStatus.Paused, (string?)(retrying.DueAt is null
                ? $"Retries to {retrying.ErrorAgency} are stopped by an operator; the application resumes when they restart."
                : $"{retrying.ErrorAgency} is unavailable; the hub keeps retrying."))
            : _app.Steps.Any(s => s.Status == StepStatus.Running)
                ? (ApplicationStatus.Running, null)
                : (ApplicationStatus.Waiting, null);
    }

    private void AdvanceUnwind()
    {
        if (_app.Steps.Any(s => s.Status is StepStatus.Running or StepStatus.RetryScheduled))
        {
            return;
        }

        var next = _plan.TopologicalOrder.Reverse()
            .FirstOrDefault(d => d.Compensation is not null && Find(d.Id)!.Status == StepStatus.Succeeded);
        if (next is not null)
        {
            var step = Find(next.Id)!;
            step.Compensating = true;
            step.Attempts = 0;
            Dispatch(step, next);
            return;
        }

        _app.Status = _app.Status == ApplicationStatus.Cancelling ? ApplicationStatus.Cancelled : ApplicationStatus.Failed;
        _app.CompletedAt = _now;
    }

    private void Dispatch(WorkflowStepState step, StepDefinition definition)
    {
        step.Status = StepStatus.Running;
        step.Attempts++;
        step.StartedAt ??= _now;
        if (!step.Compensating)
        {
            step.DeadlineAt ??= _now + (definition.Wait?.GiveUpAfter ?? definition.Deadline);
        }

        step.DueAt = null;
        step.DispatchId = DispatchIds.Next();
        step.LeaseExpiresAt = _now + _options.LeaseDuration;
        Messages.Add(new ExecuteStep(_app.Id, step.StepId, step.Attempts, step.IdempotencyKey, step.DispatchId.Value));
    }

    private string BuildOutputs() => JsonSerializer.Serialize(WorkflowOutputs.Resolve(_app, _plan));

    private bool Finish()
    {
        if (_app.Status != _initialStatus || !string.Equals(_app.StatusReason, _initialReason, StringComparison.Ordinal))
        {
            Messages.Add(new ApplicationStatusChanged(_app.Id, _app.ClientId, _app.ServiceCode, _app.Status, _now, _app.StatusReason));
        }

        return true;
    }

    private static void RecordError(WorkflowStepState step, AgencyError error)
    {
        step.ErrorAgency = error.Agency;
        step.ErrorKind = error.Kind;
        step.ErrorCode = error.Code;
        step.ErrorMessage = error.Message;
    }

    private static void ClearError(WorkflowStepState step)
    {
        step.ErrorAgency = step.ErrorCode = step.ErrorMessage = null;
        step.ErrorKind = null;
    }

    private WorkflowStepState? Find(string stepId) => _app.Steps.Find(s => string.Equals(s.StepId, stepId, StringComparison.Ordinal));
}
