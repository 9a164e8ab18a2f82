using System.Text.Json;
using MppIntegrationHub.Contracts.Agencies;

namespace MppIntegrationHub.Contracts.Messages;

// Bus messages carry ids, never personal data: a worker reads what a step needs from the store.

/// <summary>Begin the workflow of an application already committed to the store.</summary>
public sealed record StartWorkflow(Guid ApplicationId);

/// <summary>
/// Run one step attempt. <paramref name="IdempotencyKey"/> is stable per application step and travels to the agency,
/// so a re-dispatched attempt never repeats the agency effect.
/// </summary>
public sealed record ExecuteStep(Guid ApplicationId, string StepId, int Attempt, string IdempotencyKey, Guid DispatchId);

/// <summary>Cancel an application, running compensation for steps that need undoing.</summary>
public sealed record CancelApplication(Guid ApplicationId, string Reason, string RequestedBy);

/// <summary>Operator action: re-run an application from a failed step.</summary>
public sealed record RetryApplicationFromStep(Guid ApplicationId, string StepId, string RequestedBy);

/// <summary>An agency told the hub (callback) or the hub asked (poll) about a case: feed it to the waiting step.</summary>
public sealed record RecordAgencyCaseUpdate(string Agency, AgencyCase Case);

/// <summary>A step's outcome reported back to the engine by the worker that ran it.</summary>
public sealed record RecordStepOutcome(Guid ApplicationId, string StepId, int Attempt, Guid DispatchId, StepOutcome Outcome);

/// <summary>Success with the step's canonical output, or a normalised agency error.</summary>
public sealed record StepOutcome(JsonElement? Output = null, Errors.AgencyError? Error = null)
{
    public bool Succeeded => Error is null;
}
