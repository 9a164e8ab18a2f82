using System.Text.Json;
using MppIntegrationHub.Simulators.Hosting;
using MppIntegrationHub.Simulators.People;
using WireMock;

namespace MppIntegrationHub.Simulators.Dukcapil;

/// <summary>Dukcapil's page envelope and its in-band response codes (failures travel inside HTTP 200).</summary>
internal static class DukcapilAnswers
{
    public const string Deceased = "11";
    public const string Duplicate = "12";
    public const string NotFound = "13";
    public const string Inactive = "14";
    public const string BadFormat = "15";
    public const string QuotaExhausted = "05";

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        [Deceased] = "Data Ditemukan, Status Meninggal Dunia",
        [Duplicate] = "Data Ditemukan, Data Ganda",
        [NotFound] = "Data Tidak Ditemukan, NIK tidak terdapat di database Kependudukan",
        [Inactive] = "Data Ditemukan, Status Non Aktif",
        [BadFormat] = "NIK tidak sesuai format Dukcapil",
        [QuotaExhausted] = "Kuota Akses Hari Ini Telah Habis",
    };

    /// <summary>The in-band code for a citizen the registry cannot answer for, or null when it can.</summary>
    public static string? CodeFor(Citizen? citizen) => citizen?.Status switch
    {
        null or RegistryStatus.NotRegistered => NotFound,
        RegistryStatus.Deceased => Deceased,
        RegistryStatus.Duplicate => Duplicate,
        RegistryStatus.Inactive => Inactive,
        _ => null,
    };

    public static string Failure(string code, long quota) =>
        Envelope(new Dictionary<string, object> { ["RESPONSE_CODE"] = code, ["RESPON"] = Messages[code] }, quota);

    public static string Envelope(IReadOnlyDictionary<string, object> content, long quota) => JsonSerializer.Serialize(new
    {
        content = new[] { content },
        lastPage = true,
        numberOfElements = 1,
        sort = (string?)null,
        totalElements = 1,
        firstPage = true,
        number = 0,
        size = 1,
        quotaLimiter = quota,
    });

    public static ResponseMessage Ok(string json) => Replies.Json(200, json);

    /// <summary>Rejected credentials: the simulator answers HTTP 401 (documented in mocks/README.md).</summary>
    public static ResponseMessage Unauthorized() =>
        Replies.Json(401, JsonSerializer.Serialize(new { RESPONSE_CODE = "401", RESPON = "User ID, password atau IP_USER tidak valid" }));
}
