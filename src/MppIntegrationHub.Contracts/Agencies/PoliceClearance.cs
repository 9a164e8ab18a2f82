using System.ComponentModel;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Agencies;

[Description("An application to Polri for a police clearance certificate (SKCK).")]
public sealed record PoliceClearanceRequest
{
    public required Nik Nik { get; init; }

    [Description("What the certificate is for, e.g. job application, visa.")]
    public required string Purpose { get; init; }

    public required PoliceOfficeLevel OfficeLevel { get; init; }

    [Description("Issuing office's region code (Polres: regency, Polda: province).")]
    public required string OfficeRegion { get; init; }

    [Description("NTPN proving the PNBP fee was paid.")]
    public required string PaymentProof { get; init; }
}

/// <summary>Which level of police office issues the certificate.</summary>
public enum PoliceOfficeLevel
{
    Polsek,
    Polres,
    Polda,
    Mabes,
}
