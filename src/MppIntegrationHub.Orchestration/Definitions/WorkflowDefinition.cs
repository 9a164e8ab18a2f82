using System.ComponentModel;
using System.Text.Json;
using MppIntegrationHub.Contracts.Consents;

namespace MppIntegrationHub.Orchestration.Definitions;

[Description("A versioned, declarative workflow for one service of the catalogue. Steps name capabilities, never agencies; an application runs to the end on the version it started with.")]
public sealed record WorkflowDefinition
{
    [Description("Service code, e.g. SKCK_NEW.")]
    public required string Service { get; init; }

    [Description("Definition version; new applications start on the highest.")]
    public required int Version { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    [Description("Agencies involved, for the catalogue (steps still name capabilities only).")]
    public required IReadOnlyList<string> Agencies { get; init; }

    [Description("PNBP fee in rupiah; the lowest when it depends on the citizen's choice (0 when free).")]
    public required long FeeRupiah { get; init; }

    [Description("What the citizen must have or bring.")]
    public required IReadOnlyList<string> Prerequisites { get; init; }

    [Description("Why the workflow reads citizen data; named on every capability call it makes.")]
    public required DataPurpose Purpose { get; init; }

    [Description("The agencies' published service level for the whole service, ISO 8601 duration.")]
    public required TimeSpan ExpectedDuration { get; init; }

    [Description("Answers the portal supplies with the application (beside the NIK).")]
    public IReadOnlyList<WorkflowInput> Inputs { get; init; } = [];

    public required IReadOnlyList<StepDefinition> Steps { get; init; }

    [Description("Application outputs, each a reference such as $steps.wait-issuance.outputs.certificateNumber.")]
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();
}

[Description("An answer the portal supplies with the application, referenced as $inputs.<name>.")]
public sealed record WorkflowInput
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public bool Required { get; init; } = true;

    [Description("The only values accepted, when the answer is a choice.")]
    public IReadOnlyList<string>? AllowedValues { get; init; }
}

[Description("One step: a capability call with its inputs, dependencies, retries, deadline, wait, compensation and failure meaning.")]
public sealed record StepDefinition
{
    [Description("Step id, unique in the definition, e.g. verify-identity.")]
    public required string Id { get; init; }

    [Description("Capability the step calls, e.g. identity.verify.")]
    public required string Capability { get; init; }

    [Description("Steps that must succeed first; steps with no path between them run in parallel.")]
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    [Description("The capability's request: each value a literal, a reference ($application.nik, $inputs.<name>, $steps.<id>.<field>) or {\"$select\": <reference>, \"cases\": {...}}.")]
    public IReadOnlyDictionary<string, JsonElement> Input { get; init; } = new Dictionary<string, JsonElement>();

    [Description("Backoff for transient agency failures and open breakers; the step pauses, the application does not fail.")]
    public RetryPolicy Retry { get; init; } = new();

    [Description("How long the step may take from its first attempt, retries included, before it fails for good.")]
    public TimeSpan Deadline { get; init; } = TimeSpan.FromDays(1);

    [Description("The output must match this to succeed; otherwise the step fails (or, for a wait, polls again).")]
    public OutputCondition? SucceedWhen { get; init; }

    [Description("An output matching this fails the step for good (e.g. rejected, billing expired).")]
    public OutputCondition? FailWhen { get; init; }

    [Description("Field of the output holding the agency's reason for a refusal, shown with the failure.")]
    public string? ReasonField { get; init; }

    [Description("Makes the step a wait: it polls its capability (and accepts agency callbacks) until succeedWhen or failWhen matches.")]
    public WaitPolicy? Wait { get; init; }

    [Description("How to undo the step's agency effect when a later step fails for good or the application is cancelled.")]
    public CompensationDefinition? Compensation { get; init; }

    [Description("What the step's failure means for the citizen; the application fails with this reason after compensation.")]
    public required string FailureReason { get; init; }

    [Description("The agency's published duration for this step, seeding the completion prediction until durations are observed.")]
    public TimeSpan? ExpectedDuration { get; init; }
}

[Description("Exponential backoff between attempts after transient failures.")]
public sealed record RetryPolicy
{
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(30);

    public double Multiplier { get; init; } = 2;
}

[Description("Polling (and callback) policy of a wait step.")]
public sealed record WaitPolicy
{
    public required TimeSpan PollInterval { get; init; }

    [Description("When the wait gives up from its first poll; the step then fails (e.g. billing lapses after PT2H).")]
    public required TimeSpan GiveUpAfter { get; init; }

    [Description("Field of the step's input holding the agency reference that callbacks carry (e.g. reference).")]
    public string? CallbackReferenceField { get; init; }
}

[Description("A test on one field of a step's output.")]
public sealed record OutputCondition
{
    [Description("Dotted path into the output, e.g. status or licence.class.")]
    public required string Field { get; init; }

    [Description("Values that match, as JSON (\"completed\", true, ...).")]
    public required IReadOnlyList<JsonElement> In { get; init; }
}

[Description("A capability call that undoes a step's agency effect.")]
public sealed record CompensationDefinition
{
    public required string Capability { get; init; }

    [Description("Request template, with the same references as a step input.")]
    public IReadOnlyDictionary<string, JsonElement> Input { get; init; } = new Dictionary<string, JsonElement>();
}
