using System.Text.Json.Serialization;
using Refit;

namespace MppIntegrationHub.Adapters.Skck;

/// <summary>Polri's SKCK API (<c>/skck/api/v1</c>).</summary>
public interface ISkckApi
{
    [Post("/skck/api/v1/permohonan")]
    Task<SkckCase> SubmitAsync([Body] SkckApplication body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/skck/api/v1/permohonan/{reference}")]
    Task<SkckCase> GetAsync(string reference, CancellationToken cancellationToken);
}

public sealed record SkckApplication(
    [property: JsonPropertyName("nik")] string Nik,
    [property: JsonPropertyName("keperluan")] string Purpose,
    [property: JsonPropertyName("tingkat_kantor")] string OfficeLevel,
    [property: JsonPropertyName("kode_wilayah_kantor")] string OfficeRegion,
    [property: JsonPropertyName("ntpn")] string Ntpn);

public sealed record SkckCase(
    [property: JsonPropertyName("nomor_registrasi")] string Reference,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("diperbarui")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("nomor_skck")] string? CertificateNumber = null,
    [property: JsonPropertyName("berlaku_sampai")] string? ValidUntil = null,
    [property: JsonPropertyName("alasan")] string? Reason = null);
