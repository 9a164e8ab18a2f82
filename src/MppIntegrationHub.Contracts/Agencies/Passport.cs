using System.ComponentModel;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Agencies;

public enum PassportKind
{
    /// <summary>Ordinary (Rp350,000).</summary>
    Ordinary,

    /// <summary>Electronic (Rp650,000).</summary>
    Electronic,
}

public enum PassportServiceType
{
    Regular,
    FastTrack,
}

[Description("A request for an interview slot at an immigration office, from its daily quota.")]
public sealed record PassportAppointmentRequest
{
    public required Nik Nik { get; init; }

    [Description("Immigration office code.")]
    public required string OfficeCode { get; init; }

    [Description("Earliest acceptable interview date.")]
    public required DateOnly PreferredDate { get; init; }

    public PassportServiceType ServiceType { get; init; } = PassportServiceType.Regular;
}

[Description("A booked interview slot.")]
public sealed record PassportAppointment(
    string AppointmentId,
    string OfficeCode,
    DateOnly Date,
    [property: Description("Time slot, e.g. 09:00-10:00.")] string Slot);

[Description("A passport application tied to a booked appointment.")]
public sealed record PassportApplicationRequest
{
    public required Nik Nik { get; init; }

    public required string AppointmentId { get; init; }

    public required PassportKind Kind { get; init; }

    public PassportServiceType ServiceType { get; init; } = PassportServiceType.Regular;

    [Description("NTPN proving the fee was paid.")]
    public required string PaymentProof { get; init; }
}

[Description("Cancels a booked appointment (compensation when billing lapses).")]
public sealed record PassportAppointmentCancellation(string AppointmentId, string Reason);
