using System.ComponentModel;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Agencies;

/// <summary>SIM classes (Perpol 5/2021).</summary>
public enum LicenceClass
{
    A,
    AUmum,
    BI,
    BII,
    BIUmum,
    BIIUmum,
    C,
    CI,
    CII,
    D,
    DI,
}

[Description("A driving licence held by a citizen.")]
public sealed record DrivingLicence(
    string Number,
    LicenceClass Class,
    DateOnly IssuedOn,
    DateOnly ExpiresOn);

[Description("A citizen's licences by NIK.")]
public sealed record DrivingLicenceQuery(Nik Nik, LicenceClass? Class = null);

[Description("Whether a licence can be renewed online now, and why not.")]
public sealed record LicenceRenewalEligibility(
    bool Eligible,
    DrivingLicence? Licence = null,
    [property: Description("Why not, e.g. expired: a new application is needed.")] string? Reason = null);

[Description("A health (e-Rikkes) or psychology (e-PPsi) test result needed for a SIM.")]
public sealed record LicenceTestResult(
    string CertificateNumber,
    bool Passed,
    DateOnly IssuedOn,
    DateOnly ValidUntil);

[Description("A SIM renewal submitted to Korlantas.")]
public sealed record LicenceRenewalRequest
{
    public required Nik Nik { get; init; }

    public required string LicenceNumber { get; init; }

    public required LicenceClass Class { get; init; }

    public required string HealthCertificateNumber { get; init; }

    public required string PsychologyCertificateNumber { get; init; }

    [Description("NTPN proving the fee was paid.")]
    public required string PaymentProof { get; init; }

    public LicenceDelivery Delivery { get; init; } = LicenceDelivery.PickUp;
}

public enum LicenceDelivery
{
    PickUp,
    Courier,
}
