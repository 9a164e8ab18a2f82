using System.Text.Json;
using System.Text.Json.Serialization;
using MppIntegrationHub.Adapters.Dukcapil.Registry;

namespace MppIntegrationHub.Adapters.Dukcapil.Verification;

/// <summary>
/// The elements CALL_VERIFY_BY_ELEMEN judges, by their Dukcapil names: values in the request, verdicts in the answer.
/// An element left null is not sent (and not judged).
/// </summary>
public abstract record VerificationElements
{
    [JsonPropertyName("NO_KK")]
    public string? KkNumber { get; init; }

    [JsonPropertyName("NAMA_LGKP")]
    public string? FullName { get; init; }

    [JsonPropertyName("TMPT_LHR")]
    public string? BirthPlace { get; init; }

    [JsonPropertyName("TGL_LHR")]
    public string? BirthDate { get; init; }

    [JsonPropertyName("JENIS_KLMIN")]
    public string? Sex { get; init; }

    [JsonPropertyName("STATUS_KAWIN")]
    public string? CivilStatus { get; init; }

    [JsonPropertyName("JENIS_PKRJN")]
    public string? Occupation { get; init; }

    [JsonPropertyName("NAMA_LGKP_IBU")]
    public string? MotherName { get; init; }

    [JsonPropertyName("ALAMAT")]
    public string? Street { get; init; }

    [JsonPropertyName("NO_RT")]
    public string? Rt { get; init; }

    [JsonPropertyName("NO_RW")]
    public string? Rw { get; init; }

    [JsonPropertyName("NO_PROP")]
    public string? Province { get; init; }

    [JsonPropertyName("NO_KAB")]
    public string? Regency { get; init; }

    [JsonPropertyName("NO_KEC")]
    public string? District { get; init; }

    [JsonPropertyName("NO_KEL")]
    public string? Village { get; init; }
}

/// <summary>The CALL_VERIFY_BY_ELEMEN body: the NIK, the institution's credentials and the elements to judge.</summary>
public sealed record ElementVerificationBody : VerificationElements
{
    [JsonPropertyName("NIK")]
    public required string Nik { get; init; }

    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    [JsonPropertyName("password")]
    public required string Password { get; init; }

    [JsonPropertyName("IP_USER")]
    public required string IpUser { get; init; }

    [JsonPropertyName("TRESHOLD")]
    public required string Threshold { get; init; }
}

/// <summary>A CALL_VERIFY_BY_ELEMEN record: a verdict (<c>Sesuai</c>, <c>Tidak Sesuai (59)</c>) per element sent, or an in-band failure.</summary>
public sealed record ElementVerdicts : VerificationElements, IRegistryRecord
{
    [JsonPropertyName("RESPONSE_CODE")]
    public JsonElement? ResponseCode { get; init; }
}
