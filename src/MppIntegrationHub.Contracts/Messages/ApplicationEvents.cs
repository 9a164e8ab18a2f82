using MppIntegrationHub.Contracts.Applications;

namespace MppIntegrationHub.Contracts.Messages;

/// <summary>An application was accepted and committed.</summary>
public sealed record ApplicationSubmitted(Guid ApplicationId, string ClientId, string ServiceCode, DateTimeOffset SubmittedAt);

/// <summary>An application moved to another status (drives webhooks and the operator console).</summary>
public sealed record ApplicationStatusChanged(
    Guid ApplicationId,
    string ClientId,
    string ServiceCode,
    ApplicationStatus Status,
    DateTimeOffset OccurredAt,
    string? Reason = null);

/// <summary>One step of an application finished, for metrics and completion predictions.</summary>
public sealed record ApplicationStepCompleted(
    Guid ApplicationId,
    string StepId,
    string Capability,
    StepStatus Status,
    TimeSpan Duration,
    DateTimeOffset OccurredAt);
