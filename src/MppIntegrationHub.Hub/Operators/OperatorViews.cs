using System.ComponentModel;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Contracts.Applications;

namespace MppIntegrationHub.Hub.Operators;

[Description("An application of any client, as operators list it, with the step that holds it.")]
public sealed record OperatorApplicationSummary(
    Guid Id,
    string ClientId,
    string ServiceCode,
    ApplicationStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    [property: Description("The failed, retrying, running or waiting step, if any.")] string? CurrentStep = null,
    string? StatusReason = null,
    DateTimeOffset? CompletedAt = null);

[Description("A page of applications of every client, newest first.")]
public sealed record OperatorApplicationPage(
    IReadOnlyList<OperatorApplicationSummary> Items,
    [property: Description("1-based page number.")] int Page,
    int PageSize,
    [property: Description("Applications matching the filter, on all pages.")] int Total);

[Description("One application with its client and step timeline.")]
public sealed record OperatorApplication(string ClientId, ServiceApplication Application);

[Description("Re-run a failed application from one of its failed steps.")]
public sealed record OperatorRetryRequest(
    [property: Description("The failed step to run again; later, skipped and undone steps run again after it.")] string StepId);

[Description("Why an operator cancels an application or stops an agency's retries (kept in the audit trail).")]
public sealed record OperatorReasonRequest([property: Description("1-500 characters.")] string Reason);

[Description("An agency as operators see it: adapters, breaker, quota, traffic (this process and the whole deployment) and the retry kill switch.")]
public sealed record OperatorAgency(
    [property: Description("The agency as this process sees it.")] AgencyStatus Status,
    AgencyDeployment Deployment,
    [property: Description("False when an operator stopped the agency's retries: workflow retries park, HTTP calls are tried once (every process follows within a report interval).")] bool RetriesEnabled,
    string? RetriesStoppedReason = null,
    DateTimeOffset? RetriesStoppedAt = null);

[Description("The agency after its retries were resumed, and how many parked applications resumed.")]
public sealed record AgencyRetriesResumed(OperatorAgency Agency, int ResumedApplications);
