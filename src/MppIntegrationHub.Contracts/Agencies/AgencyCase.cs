using System.ComponentModel;

namespace MppIntegrationHub.Contracts.Agencies;

[Description("A request an agency processes over time (SKCK, SIM renewal, passport, e-KTP), as the hub tracks it.")]
public sealed record AgencyCase
{
    [Description("The agency's own reference (registration number).")]
    public required string Reference { get; init; }

    public required AgencyCaseStatus Status { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    [Description("What the agency produced so far, e.g. certificateNumber, validUntil, interviewAt.")]
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    [Description("The agency's reason for a rejection, in the hub's words.")]
    public string? Reason { get; init; }

    public bool IsFinal => Status is AgencyCaseStatus.Completed or AgencyCaseStatus.Rejected
        or AgencyCaseStatus.Cancelled or AgencyCaseStatus.Expired;
}

/// <summary>Agency case statuses mapped from each agency's own.</summary>
public enum AgencyCaseStatus
{
    Received,
    AwaitingPayment,
    InProgress,

    /// <summary>Waiting for the citizen to appear (interview, photo, biometrics).</summary>
    AwaitingAppointment,

    /// <summary>Issued or ready for pick-up.</summary>
    Completed,
    Rejected,
    Cancelled,
    Expired,
}

[Description("A request to read the status of an agency case.")]
public sealed record AgencyCaseQuery([property: Description("The agency's reference.")] string Reference);
