using System.Text.Json;

namespace MppIntegrationHub.Simulators.Paspor;

/// <summary>
/// Immigration offices and their daily interview quota, read from the static office-list mapping
/// (<c>mappings/paspor/kantor.json</c>) so the list the API serves and the quota rules never disagree.
/// </summary>
internal sealed record PassportOffice(string Code, string Name, int DailyQuota)
{
    public static readonly string[] Slots =
        ["08:00-09:00", "09:00-10:00", "10:00-11:00", "11:00-12:00", "13:00-14:00", "14:00-15:00", "15:00-16:00", "16:00-17:00"];

    public static IReadOnlyDictionary<string, PassportOffice> Load(string mappingsFolder)
    {
        var file = Path.Combine(mappingsFolder, AgencyIds.Paspor, "kantor.json");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.GetProperty("response").GetProperty("jsonBody").GetProperty("data").EnumerateArray()
            .Select(o => new PassportOffice(o.GetProperty("kode_kantor").GetString()!, o.GetProperty("nama").GetString()!, o.GetProperty("kuota_harian").GetInt32()))
            .ToDictionary(o => o.Code, StringComparer.Ordinal);
    }

    /// <summary>How many interviews a slot takes on a working day (the daily quota spread over the slots).</summary>
    public int Capacity(int slot, DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : (DailyQuota / Slots.Length) + (slot < DailyQuota % Slots.Length ? 1 : 0);
}
