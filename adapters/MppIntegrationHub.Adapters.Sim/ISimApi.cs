using System.Text.Json.Serialization;
using Refit;

namespace MppIntegrationHub.Adapters.Sim;

/// <summary>Korlantas' SIM API (<c>/sim/api/v1</c>).</summary>
public interface ISimApi
{
    [Get("/sim/api/v1/sim")]
    Task<LicenceList> GetLicencesAsync(string nik, CancellationToken cancellationToken);

    [Get("/sim/api/v1/sim/{licenceNumber}/kelayakan-perpanjangan")]
    Task<RenewalEligibility> GetEligibilityAsync(string licenceNumber, CancellationToken cancellationToken);

    [Get("/sim/api/v1/erikkes")]
    Task<TestCertificate> GetHealthCertificateAsync(string nik, CancellationToken cancellationToken);

    [Get("/sim/api/v1/eppsi")]
    Task<TestCertificate> GetPsychologyTestAsync(string nik, CancellationToken cancellationToken);

    [Post("/sim/api/v1/perpanjangan")]
    Task<RenewalCase> RenewAsync([Body] RenewalApplication body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/sim/api/v1/perpanjangan/{reference}")]
    Task<RenewalCase> GetRenewalAsync(string reference, CancellationToken cancellationToken);
}

public sealed record LicenceList([property: JsonPropertyName("data")] IReadOnlyList<HeldLicence> Data);

public sealed record HeldLicence(
    [property: JsonPropertyName("nomor_sim")] string Number,
    [property: JsonPropertyName("golongan")] string Class,
    [property: JsonPropertyName("tanggal_terbit")] string IssuedOn,
    [property: JsonPropertyName("berlaku_sampai")] string ExpiresOn);

public sealed record RenewalEligibility(
    [property: JsonPropertyName("nomor_sim")] string Number,
    [property: JsonPropertyName("layak")] bool Eligible,
    [property: JsonPropertyName("alasan")] string? Reason = null);

/// <summary>e-Rikkes (<c>tanggal_periksa</c>) or e-PPsi (<c>tanggal_tes</c>) certificate.</summary>
public sealed record TestCertificate(
    [property: JsonPropertyName("nomor_sertifikat")] string Number,
    [property: JsonPropertyName("hasil")] string Result,
    [property: JsonPropertyName("berlaku_sampai")] string ValidUntil,
    [property: JsonPropertyName("tanggal_periksa")] string? ExaminedOn = null,
    [property: JsonPropertyName("tanggal_tes")] string? TestedOn = null);

public sealed record RenewalApplication(
    [property: JsonPropertyName("nik")] string Nik,
    [property: JsonPropertyName("nomor_sim")] string LicenceNumber,
    [property: JsonPropertyName("golongan")] string Class,
    [property: JsonPropertyName("nomor_erikkes")] string HealthCertificate,
    [property: JsonPropertyName("nomor_eppsi")] string PsychologyCertificate,
    [property: JsonPropertyName("ntpn")] string Ntpn,
    [property: JsonPropertyName("pengiriman")] string Delivery);

public sealed record RenewalCase(
    [property: JsonPropertyName("nomor_permohonan")] string Reference,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("diperbarui")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("nomor_sim_baru")] string? NewLicenceNumber = null,
    [property: JsonPropertyName("berlaku_sampai")] string? ValidUntil = null,
    [property: JsonPropertyName("alasan")] string? Reason = null);
