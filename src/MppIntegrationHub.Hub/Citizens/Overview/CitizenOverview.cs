using System.ComponentModel;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Hub.Citizens.Overview;

[Description("What the agencies hold about a citizen for one purpose, read from all of them at once. Each section stands alone: one agency failing does not hide the others.")]
public sealed record CitizenOverview(
    [property: Description("The purpose the data was read for.")] string Purpose,
    [property: Description("One section per capability read, in a fixed order.")] IReadOnlyList<OverviewSection> Sections,
    [property: Description("Reads left out, and why.")] IReadOnlyList<OmittedSection> Omitted);

[Description("The outcome of one capability read.")]
public sealed record OverviewSection
{
    [Description("The capability read, e.g. population.profile.")]
    public required string Capability { get; init; }

    public required SectionStatus Status { get; init; }

    [Description("The capability's canonical output, cut down to the categories granted (when ok).")]
    public object? Data { get; init; }

    [Description("The agency failure, in the hub's own words (when failed).")]
    public AgencyError? Error { get; init; }
}

public enum SectionStatus
{
    Ok,
    Failed,
}

[Description("A read the overview left out.")]
public sealed record OmittedSection(
    [property: Description("The capability not read.")] string Capability,
    [property: Description("purpose: the purpose does not need its data; scope: the client lacks its data.* scope.")] OmissionReason Reason);

public enum OmissionReason
{
    Purpose,
    Scope,
}
