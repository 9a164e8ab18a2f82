using System.Text.Json.Serialization;
using Refit;

namespace MppIntegrationHub.Adapters.Dukcapil.KtpReplacement;

/// <summary>Dukcapil's e-KTP replacement REST API (<c>X-Api-Key</c>, <c>Idempotency-Key</c> on writes).</summary>
public interface IKtpReplacementApi
{
    [Post("/dukcapil/api/v1/penggantian-ktp")]
    Task<KtpReplacementCase> RequestAsync([Body] KtpReplacementBody body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/dukcapil/api/v1/penggantian-ktp/{reference}")]
    Task<KtpReplacementCase> GetAsync(string reference, CancellationToken cancellationToken);
}

public sealed record KtpReplacementBody(
    [property: JsonPropertyName("nik")] string Nik,
    [property: JsonPropertyName("alasan")] string Reason,
    [property: JsonPropertyName("nomor_surat_kehilangan")] string? LossReportNumber,
    [property: JsonPropertyName("kode_wilayah_pengambilan")] string PickupRegion);

public sealed record KtpReplacementCase(
    [property: JsonPropertyName("nomor_permohonan")] string Reference,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("diperbarui")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("lokasi_pengambilan")] string? PickupLocation = null,
    [property: JsonPropertyName("alasan")] string? Reason = null);
