using System.Text.Json.Serialization;
using Refit;

namespace MppIntegrationHub.Adapters.Billing;

/// <summary>SIMPONI's billing API (<c>/simponi/api/v1</c>).</summary>
public interface ISimponiApi
{
    [Post("/simponi/api/v1/billing")]
    Task<SimponiBilling> CreateAsync([Body] SimponiBillingRequest body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/simponi/api/v1/billing/{billingCode}")]
    Task<SimponiBilling> GetAsync(string billingCode, CancellationToken cancellationToken);
}

public sealed record SimponiBillingRequest(
    [property: JsonPropertyName("nik_wajib_bayar")] string PayerNik,
    [property: JsonPropertyName("nama_wajib_bayar")] string PayerName,
    [property: JsonPropertyName("kode_kl")] string AgencyCode,
    [property: JsonPropertyName("kode_akun")] string AccountCode,
    [property: JsonPropertyName("jumlah")] long Amount,
    [property: JsonPropertyName("keterangan")] string Description,
    [property: JsonPropertyName("masa_berlaku_menit")] int? ValidMinutes);

public sealed record SimponiBilling(
    [property: JsonPropertyName("kode_billing")] string BillingCode,
    [property: JsonPropertyName("jumlah")] long Amount,
    [property: JsonPropertyName("tanggal_billing")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("tanggal_kedaluwarsa")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("ntb")] string? Ntb = null,
    [property: JsonPropertyName("ntpn")] string? Ntpn = null,
    [property: JsonPropertyName("tanggal_bayar")] DateTimeOffset? PaidAt = null);
