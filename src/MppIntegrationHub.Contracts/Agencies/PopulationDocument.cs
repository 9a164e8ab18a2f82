using System.ComponentModel;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Agencies;

public enum DocumentReplacementReason
{
    Lost,
    Damaged,
    DataChanged,
}

[Description("A request to Dukcapil to reprint a citizen's e-KTP, for pick-up at an MPP counter.")]
public sealed record KtpReplacementRequest
{
    public required Nik Nik { get; init; }

    public required DocumentReplacementReason Reason { get; init; }

    [Description("Police loss report number, required when the card was lost.")]
    public string? LossReportNumber { get; init; }

    [Description("Regency/city code of the MPP where the citizen collects the card.")]
    public required string PickupRegion { get; init; }
}
