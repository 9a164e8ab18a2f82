using System.Text.Json.Serialization;

namespace MppIntegrationHub.Adapters.Dukcapil.Verification;

/// <summary>
/// The elements CALL_VERIFY_BY_ELEMEN judges, by their Dukcapil names, with the values to judge. An element left null
/// is not sent (and not judged).
/// </summary>
public abstract record VerificationElements
{
    [JsonPropertyName(ElementNames.KkNumber)]
    public string? KkNumber { get; init; }

    [JsonPropertyName(ElementNames.FullName)]
    public string? FullName { get; init; }

    [JsonPropertyName(ElementNames.BirthPlace)]
    public string? BirthPlace { get; init; }

    [JsonPropertyName(ElementNames.BirthDate)]
    public string? BirthDate { get; init; }

    [JsonPropertyName(ElementNames.Sex)]
    public string? Sex { get; init; }

    [JsonPropertyName(ElementNames.CivilStatus)]
    public string? CivilStatus { get; init; }

    [JsonPropertyName(ElementNames.Occupation)]
    public string? Occupation { get; init; }

    [JsonPropertyName(ElementNames.MotherName)]
    public string? MotherName { get; init; }

    [JsonPropertyName(ElementNames.Street)]
    public string? Street { get; init; }

    [JsonPropertyName(ElementNames.Rt)]
    public string? Rt { get; init; }

    [JsonPropertyName(ElementNames.Rw)]
    public string? Rw { get; init; }

    [JsonPropertyName(ElementNames.Province)]
    public string? Province { get; init; }

    [JsonPropertyName(ElementNames.Regency)]
    public string? Regency { get; init; }

    [JsonPropertyName(ElementNames.District)]
    public string? District { get; init; }

    [JsonPropertyName(ElementNames.Village)]
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
