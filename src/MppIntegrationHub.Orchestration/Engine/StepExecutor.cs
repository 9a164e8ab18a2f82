using System.Text.Json;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Telemetry;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Orchestration.Definitions;
using MppIntegrationHub.Orchestration.Telemetry;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// Runs one dispatched step attempt: builds the capability request from the application's rows, calls the
/// capability with the step's idempotency key, and records the outcome. Stale dispatches (a newer attempt exists,
/// the step moved on) are dropped without calling anyone; the rows come from the state this process committed the
/// dispatch with when it has it, so a dispatch another process replaced a moment ago may still call the agency, with
/// the same idempotency key as its replacement (one effect), and its outcome is then ignored.
/// </summary>
internal sealed class StepExecutor(WorkflowEngine engine, ICapabilityInvoker invoker, WorkflowTelemetry telemetry, TimeProvider clock)
{
    /// <param name="command">The attempt.</param>
    /// <param name="batchedTraceParent">The attempt's own trace context when it came in a batch (the current span is then the batch's).</param>
    /// <param name="slot">The attempt's <see cref="StepSlots"/> slot, given back once the agency answered.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    public async Task ExecuteAsync(ExecuteStep command, string? batchedTraceParent, IDisposable slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var app = await engine.LoadForAttemptAsync(command.ApplicationId, new StepDispatch(command.StepId, command.DispatchId), cancellationToken);
        var step = app?.Steps.Find(s => s.StepId == command.StepId);
        if (app is null || step is null || step.DispatchId != command.DispatchId
            || step.Status != Contracts.Applications.StepStatus.Running)
        {
            return;
        }

        var plan = engine.PlanOf(app);
        var definition = plan.Step(step.StepId);
        var (capability, template) = step.Compensating && definition.Compensation is { } undo
            ? (undo.Capability, undo.Input)
            : (definition.Capability, definition.Input);
        var request = WorkflowTemplate.Build(template, WorkflowDataFactory.Create(app));
        var context = new CallContext(command.IdempotencyKey, app.Id, app.ClientId, plan.Definition.Purpose);

        using var activity = WorkflowTelemetry.StartStep(app.ServiceCode, step.StepId, capability, app.Id, command.Attempt, batchedTraceParent);
        var startedAt = clock.GetTimestamp();
        StepResult result;
        try
        {
            var output = await invoker.InvokeAsync(capability, request, context, cancellationToken);
            result = new StepResult(output, null, CorrelationOf(definition, request));
        }
        catch (AgencyException ex)
        {
            result = new StepResult(null, ex.Error, CorrelationOf(definition, request));
        }
        catch (JsonException ex)
        {
            // The request built from the definition and the answers does not fit the capability: retrying cannot help.
            result = new StepResult(null, new AgencyError
            {
                Agency = "hub",
                Kind = AgencyErrorKind.InvalidRequest,
                Code = "workflow.request-invalid",
                Message = $"The application lacks data this step needs ({ex.Message}).",
            });
        }

        var outcome = result.Error is { } error ? OutcomeNames.Of(error.Kind) : OutcomeNames.Success;
        activity?.SetTag(WorkflowTelemetry.Tags.Outcome, outcome);
        telemetry.RecordAttempt(app.ServiceCode, step.StepId, capability, outcome, clock.GetElapsedTime(startedAt));

        // The slots bound the agency calls in flight; waiting for the outcome's group commit must not keep another
        // attempt from calling its agency (with instant agencies it would cap the commit groups at the slot count).
        slot.Dispose();
        await engine.RecordOutcomeAsync(app.Id, step.StepId, command.DispatchId, result, cancellationToken);
    }

    private static string? CorrelationOf(StepDefinition definition, JsonElement request) =>
        definition.Wait?.CallbackReferenceField is { } field
        && request.TryGetProperty(field, out var reference)
        && reference.ValueKind == JsonValueKind.String
            ? reference.GetString()
            : null;
}
