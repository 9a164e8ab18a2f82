using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Rest;

/// <summary>
/// Reads the designed agencies' error body <c>{"kode","pesan"}</c>. Only <c>kode</c> is used, and only when it looks
/// like a code (upper-case words); <c>pesan</c> is the agency's prose and never reaches a client.
/// </summary>
public sealed partial class KodePesanErrorMapper(IReadOnlyDictionary<string, AgencyErrorKind> kinds) : IAgencyErrorBodyMapper
{
    /// <summary>Codes every designed agency shares.</summary>
    public static readonly IReadOnlyDictionary<string, AgencyErrorKind> CommonKinds = new Dictionary<string, AgencyErrorKind>(StringComparer.Ordinal)
    {
        ["TIDAK_BERWENANG"] = AgencyErrorKind.Unauthorized,
        ["TIDAK_DITEMUKAN"] = AgencyErrorKind.NotFound,
        ["IDEMPOTENCY_KEY_WAJIB"] = AgencyErrorKind.InvalidRequest,
    };

    public AgencyError? Map(string agency, HttpStatusCode status, string? mediaType, string body)
    {
        if (mediaType is null || !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) || ReadKode(body) is not { } kode)
        {
            return null;
        }

        var kind = kinds.TryGetValue(kode, out var known) || CommonKinds.TryGetValue(kode, out known)
            ? known
            : AgencyFailures.KindOf(status);
        return AgencyFailures.Create(agency, kind, $"{agency}.{kode.ToLowerInvariant().Replace('_', '-')}", AgencyFailures.SafeMessage(kind));
    }

    private static string? ReadKode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("kode", out var kode)
                && kode.ValueKind == JsonValueKind.String
                && KodePattern().IsMatch(kode.GetString()!)
                    ? kode.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,63}$")]
    private static partial Regex KodePattern();
}
