using System.Text.Json.Serialization;

namespace MppIntegrationHub.Adapters.Dukcapil.Registry;

/// <summary>CALL_FR request: one face photo against the registry's reference photo.</summary>
public sealed record FaceRecognitionRequest(
    [property: JsonPropertyName("transactionId")] string TransactionId,
    [property: JsonPropertyName("nik")] string Nik,
    [property: JsonPropertyName("threshold")] decimal Threshold,
    [property: JsonPropertyName("image")] string Image,
    [property: JsonPropertyName("position")] string Position,
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("ip")] string Ip);

/// <summary>CALL_FR answer: a score and code 6018/6019, or an error code.</summary>
public sealed record FaceRecognitionAnswer(
    [property: JsonPropertyName("errorCode")] int ErrorCode,
    [property: JsonPropertyName("matchScore")] decimal? MatchScore,
    [property: JsonPropertyName("quotaLimiter")] long? QuotaLimiter);
