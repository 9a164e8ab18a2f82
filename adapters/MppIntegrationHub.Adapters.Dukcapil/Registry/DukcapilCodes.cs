using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Dukcapil.Registry;

/// <summary>Dukcapil's in-band response codes and face-recognition codes as canonical errors.</summary>
public static class DukcapilCodes
{
    public const string Agency = "dukcapil";

    public const int FaceMatched = 6018;
    public const int FaceNotMatched = 6019;

    /// <summary>The error for a <c>RESPONSE_CODE</c> inside an HTTP 200 page.</summary>
    public static AgencyError ForResponseCode(string code) => code switch
    {
        "11" => Error(AgencyErrorKind.Permanent, "deceased", "The registry records this person as deceased."),
        "12" => Error(AgencyErrorKind.Permanent, "duplicate-record", "The registry holds duplicate records for this NIK; the citizen must visit Dukcapil."),
        "13" => Error(AgencyErrorKind.NotFound, "not-found", "The NIK is not in the population registry."),
        "14" => Error(AgencyErrorKind.Permanent, "inactive", "The registry record of this NIK is not active."),
        "15" => Error(AgencyErrorKind.InvalidRequest, "invalid-nik", "The registry does not accept this NIK's format."),
        "05" => Error(AgencyErrorKind.QuotaExhausted, "quota-exhausted", "The hub's daily registry quota is used up."),
        _ => Error(AgencyErrorKind.Permanent, "unknown-code", "The registry refused the request."),
    };

    /// <summary>The error for a face-recognition code other than matched / not matched.</summary>
    public static AgencyError ForFaceCode(int code) => code switch
    {
        6020 => Error(AgencyErrorKind.NotFound, "face.nik-not-found", "The NIK is not in the population registry."),
        6015 => Error(AgencyErrorKind.InvalidRequest, "face.image-unreadable", "The face photo could not be processed."),
        5005 => Error(AgencyErrorKind.InvalidRequest, "face.invalid-threshold", "The face-match threshold is out of range."),
        5003 => Error(AgencyErrorKind.Unauthorized, "face.ip-not-allowed", "The registry refused the hub's address."),
        9002 => Error(AgencyErrorKind.Unauthorized, "face.wrong-password", "The registry refused the hub's credentials."),
        5002 => Error(AgencyErrorKind.QuotaExhausted, "face.rate-limited", "The hub's face-recognition quota is used up for now."),
        _ => Error(AgencyErrorKind.Permanent, "face.unknown-code", "The registry refused the face match."),
    };

    private static AgencyError Error(AgencyErrorKind kind, string code, string message) =>
        AgencyFailures.Create(Agency, kind, $"{Agency}.{code}", message);
}
