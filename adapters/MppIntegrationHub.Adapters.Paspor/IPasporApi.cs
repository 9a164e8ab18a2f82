using System.Text.Json.Serialization;
using Refit;

namespace MppIntegrationHub.Adapters.Paspor;

/// <summary>Imigrasi's passport API (<c>/paspor/api/v1</c>).</summary>
public interface IPasporApi
{
    [Get("/paspor/api/v1/kantor/{officeCode}/kuota")]
    Task<OfficeQuota> GetQuotaAsync(string officeCode, string tanggal, CancellationToken cancellationToken);

    [Post("/paspor/api/v1/jadwal")]
    Task<Appointment> BookAsync([Body] AppointmentBooking body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Delete("/paspor/api/v1/jadwal/{appointmentId}")]
    Task<AppointmentCancellation> CancelAsync(string appointmentId, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Post("/paspor/api/v1/permohonan")]
    Task<PassportCase> ApplyAsync([Body] PassportApplication body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/paspor/api/v1/permohonan/{reference}")]
    Task<PassportCase> GetApplicationAsync(string reference, CancellationToken cancellationToken);
}

public sealed record OfficeQuota(
    [property: JsonPropertyName("kode_kantor")] string OfficeCode,
    [property: JsonPropertyName("tanggal")] string Date,
    [property: JsonPropertyName("sisa_kuota")] int Left);

public sealed record AppointmentBooking(
    [property: JsonPropertyName("nik")] string Nik,
    [property: JsonPropertyName("kode_kantor")] string OfficeCode,
    [property: JsonPropertyName("tanggal")] string Date,
    [property: JsonPropertyName("jenis_layanan")] string ServiceType);

public sealed record Appointment(
    [property: JsonPropertyName("kode_jadwal")] string AppointmentId,
    [property: JsonPropertyName("kode_kantor")] string OfficeCode,
    [property: JsonPropertyName("tanggal")] string Date,
    [property: JsonPropertyName("jam")] string Slot);

public sealed record AppointmentCancellation(
    [property: JsonPropertyName("kode_jadwal")] string AppointmentId,
    [property: JsonPropertyName("status")] string Status);

public sealed record PassportApplication(
    [property: JsonPropertyName("nik")] string Nik,
    [property: JsonPropertyName("kode_jadwal")] string AppointmentId,
    [property: JsonPropertyName("jenis_paspor")] string Kind,
    [property: JsonPropertyName("jenis_layanan")] string ServiceType,
    [property: JsonPropertyName("ntpn")] string Ntpn);

public sealed record PassportCase(
    [property: JsonPropertyName("nomor_permohonan")] string Reference,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("diperbarui")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("jadwal_wawancara")] string? InterviewAt = null,
    [property: JsonPropertyName("kode_kantor")] string? OfficeCode = null,
    [property: JsonPropertyName("nomor_paspor")] string? PassportNumber = null,
    [property: JsonPropertyName("berlaku_sampai")] string? ValidUntil = null,
    [property: JsonPropertyName("alasan")] string? Reason = null);
