using System.Text.Json;
using MppIntegrationHub.Contracts.Agencies;

namespace MppIntegrationHub.Contracts.Messages;

// Bus messages carry ids, never personal data: a worker reads what a step needs from the store.
// An application is started in the same transaction that stores it, and a worker records a step's outcome in the
// store itself (guarded by the dispatch id), so neither needs a message of its own.

/// <summary>
/// Run one step attempt. <paramref name="IdempotencyKey"/> is stable per application step (and per operator re-run)
/// and travels to the agency, so a re-dispatched attempt never repeats the agency effect.
/// </summary>
public sealed record ExecuteStep(Guid ApplicationId, string StepId, int Attempt, string IdempotencyKey, Guid DispatchId);

/// <summary>
/// Several step attempts in one message (the outbox relay groups the attempts it sends together, saving the bus's
/// per-message cost); each attempt runs, succeeds or fails on its own.
/// </summary>
public sealed record ExecuteSteps(IReadOnlyList<DispatchedStep> Steps);

/// <summary>An attempt of <see cref="ExecuteSteps"/> and the W3C trace context it was dispatched in (its application's trace).</summary>
public sealed record DispatchedStep(ExecuteStep Step, string? TraceParent);

/// <summary>Cancel an application, running compensation for steps that need undoing.</summary>
public sealed record CancelApplication(Guid ApplicationId, string Reason, string RequestedBy);

/// <summary>Operator action: re-run an application from a failed step.</summary>
public sealed record RetryApplicationFromStep(Guid ApplicationId, string StepId, string RequestedBy);

/// <summary>An agency told the hub (callback) about a case: feed it to the step waiting on it.</summary>
public sealed record RecordAgencyCaseUpdate(string Agency, AgencyCase Case);

/// <summary>
/// An agency told the hub (signed callback) about one of its cases or billing codes: feed <paramref name="Update"/>,
/// the canonical answer of <paramref name="Capability"/> (the agency's status capability), to the steps of that
/// capability waiting on <paramref name="Reference"/>, as if their next poll had returned it.
/// </summary>
public sealed record RecordAgencyUpdate(string Agency, string Capability, string Reference, JsonElement Update);
