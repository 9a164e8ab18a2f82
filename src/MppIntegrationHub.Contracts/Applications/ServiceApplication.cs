using System.ComponentModel;
using System.Text.Json;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Applications;

[Description("A citizen's application for a service, as a portal submits it.")]
public sealed record SubmitApplicationRequest
{
    [Description("Service code from the catalogue, e.g. SKCK_NEW.")]
    public required string ServiceCode { get; init; }

    public required Nik Nik { get; init; }

    [Description("The consent that covers the data this service reads.")]
    public required Guid ConsentId { get; init; }

    [Description("Service-specific answers (e.g. SKCK purpose, SIM class, passport office), as the catalogue lists them.")]
    public IReadOnlyDictionary<string, JsonElement> Inputs { get; init; } = new Dictionary<string, JsonElement>();
}

[Description("A service application with its status, step timeline, outputs and predicted completion.")]
public sealed record ServiceApplication
{
    public required Guid Id { get; init; }

    public required string ServiceCode { get; init; }

    [Description("Version of the workflow definition the application runs on, fixed at submission.")]
    public required int WorkflowVersion { get; init; }

    public required ApplicationStatus Status { get; init; }

    [Description("Why the application failed, was cancelled or is paused, in words fit for a citizen.")]
    public string? StatusReason { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public ExpectedCompletion? ExpectedCompletion { get; init; }

    public required IReadOnlyList<ApplicationStep> Steps { get; init; }

    [Description("What the service produced: certificate number, validity, billing code, appointment, ...")]
    public IReadOnlyDictionary<string, JsonElement> Outputs { get; init; } = new Dictionary<string, JsonElement>();
}

[Description("One step of the application's timeline.")]
public sealed record ApplicationStep
{
    [Description("Step id from the workflow definition, e.g. verify-identity.")]
    public required string Id { get; init; }

    [Description("Capability the step calls, e.g. identity.verify.")]
    public required string Capability { get; init; }

    public required StepStatus Status { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    [Description("When the next attempt or poll is due.")]
    public DateTimeOffset? NextAttemptAt { get; init; }

    public AgencyErrorSummary? LastError { get; init; }
}

[Description("Predicted completion from observed step durations, seeded by the service's published duration.")]
public sealed record ExpectedCompletion(DateTimeOffset P50, DateTimeOffset P90);

[Description("The last agency error a step met, without agency-internal detail.")]
public sealed record AgencyErrorSummary(AgencyErrorKind Kind, string Message);

