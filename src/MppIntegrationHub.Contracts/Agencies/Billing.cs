using System.ComponentModel;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Agencies;

[Description("A request for a PNBP (SIMPONI) billing code.")]
public sealed record BillingRequest
{
    public required Nik PayerNik { get; init; }

    public required string PayerName { get; init; }

    [Description("Service the fee is for, e.g. SKCK_NEW.")]
    public required string ServiceCode { get; init; }

    [Description("Amount in rupiah.")]
    public required long Amount { get; init; }

    [Description("Ministry/agency code, e.g. 060 for Polri.")]
    public required string AgencyCode { get; init; }

    [Description("6-digit PNBP account code.")]
    public required string AccountCode { get; init; }

    [Description("How long the code stays payable; the agency's default when absent.")]
    public TimeSpan? ValidFor { get; init; }
}

[Description("A PNBP billing code and where its payment stands.")]
public sealed record Billing
{
    [Description("15-digit Kode Billing.")]
    public required string BillingCode { get; init; }

    public required long Amount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    [Description("Tanggal Kedaluwarsa: unpaid codes lapse then.")]
    public required DateTimeOffset ExpiresAt { get; init; }

    public required BillingStatus Status { get; init; }

    [Description("Bank's transaction number, once paid.")]
    public string? Ntb { get; init; }

    [Description("Treasury's proof of payment (NTPN), once paid.")]
    public string? Ntpn { get; init; }

    public DateTimeOffset? PaidAt { get; init; }
}

public enum BillingStatus
{
    /// <summary>Belum Dibayar.</summary>
    Unpaid,
    Paid,
    Expired,
    Cancelled,
}

[Description("A request to read a billing code's status.")]
public sealed record BillingQuery(string BillingCode);
