using System.ComponentModel;
using MppIntegrationHub.Contracts.Applications;

namespace MppIntegrationHub.Hub.Applications;

[Description("An application in a list: where it stands, without its step timeline.")]
public sealed record ApplicationSummary(
    Guid Id,
    string ServiceCode,
    ApplicationStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    string? StatusReason = null,
    DateTimeOffset? CompletedAt = null);

[Description("A page of the calling client's applications, newest first.")]
public sealed record ApplicationPage(
    IReadOnlyList<ApplicationSummary> Items,
    [property: Description("1-based page number.")] int Page,
    int PageSize,
    [property: Description("Applications matching the filter, on all pages.")] int Total);
