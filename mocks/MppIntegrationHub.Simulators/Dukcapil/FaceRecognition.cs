using System.Globalization;
using System.Text.Json;
using MppIntegrationHub.Simulators.People;
using MppIntegrationHub.Simulators.Rest;

namespace MppIntegrationHub.Simulators.Dukcapil;

/// <summary>
/// CALL_FR: the submitted photo against the registry's reference photo (<see cref="FaceImages"/>). Scores are on a
/// 0-10 scale; the threshold must be 1-10.
/// </summary>
internal static class FaceRecognition
{
    public const int Success = 6018;
    public const int NotMatched = 6019;
    public const int NikNotFound = 6020;
    public const int ImageUnreadable = 6015;
    public const int InvalidThreshold = 5005;
    public const int IpNotAllowed = 5003;
    public const int RateLimited = 5002;
    public const int WrongPassword = 9002;

    /// <summary>About 200 KB of JPEG, base64 encoded, is the most the service takes.</summary>
    private const int MaxImageBytes = 200 * 1024;

    public static string Answer(RestRequest request, SimulatorCredentials credentials, SyntheticPopulation population, long quota)
    {
        var nik = request.Field("nik") ?? string.Empty;
        if (request.Field("user_id") != credentials.DukcapilUserId || request.Field("password") != credentials.DukcapilPassword)
        {
            return Error(request, WrongPassword, "User ID atau password salah", quota);
        }

        if (request.Field("ip") != credentials.DukcapilIpUser)
        {
            return Error(request, IpNotAllowed, "IP tidak diizinkan", quota);
        }

        if (!double.TryParse(request.Field("threshold"), NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) || threshold is < 1 or > 10)
        {
            return Error(request, InvalidThreshold, "Threshold tidak valid (1-10)", quota);
        }

        if (!population.TryFind(nik, out var citizen) || DukcapilAnswers.CodeFor(citizen) is not null)
        {
            return Error(request, NikNotFound, "NIK tidak ditemukan", quota);
        }

        if (Decode(request.Field("image")) is not { } image)
        {
            return Error(request, ImageUnreadable, "Gambar tidak dapat diproses", quota);
        }

        var score = FaceImages.Similarity(image, SyntheticPopulation.ReferenceFace(citizen));
        var matched = score >= threshold;
        return JsonSerializer.Serialize(new
        {
            transactionId = request.Field("transactionId"),
            nik,
            errorCode = matched ? Success : NotMatched,
            errorMessage = matched ? "Sukses" : "Tidak cocok",
            matchScore = score,
            verificationResult = matched,
            quotaLimiter = quota,
        });
    }

    public static string Error(RestRequest? request, int code, string message, long quota) => JsonSerializer.Serialize(new
    {
        transactionId = request?.Field("transactionId"),
        errorCode = code,
        errorMessage = message,
        quotaLimiter = quota,
    });

    private static byte[]? Decode(string? base64)
    {
        if (base64 is null || base64.Length > MaxImageBytes * 4 / 3 + 4)
        {
            return null;
        }

        var buffer = new byte[base64.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(base64, buffer, out var written) && FaceImages.LooksLikeJpeg(buffer.AsSpan(0, written))
            ? buffer[..written]
            : null;
    }
}
