using CsCheck;
using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Contracts.Tests.Identity;

/// <summary>Valid NIK parts and their 16-digit form, drawn from every listed district.</summary>
internal static class NikGenerators
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly string[] Districts = RegionDirectory.Default.All
        .Where(r => r.Level == RegionLevel.District)
        .Select(r => r.Code.ToString())
        .ToArray();

    // A two-digit year is unambiguous only within the 100 years before today.
    private static readonly int FirstDay = Today.AddYears(-100).AddDays(1).DayNumber;

    public static readonly Gen<NikParts> ValidParts =
        from district in Gen.OneOf(Districts)
        from dayNumber in Gen.Int[FirstDay, Today.DayNumber]
        from female in Gen.Bool
        from serial in Gen.Int[1, 9999]
        select new NikParts(district, DateOnly.FromDayNumber(dayNumber), female, serial);
}

internal sealed record NikParts(string District, DateOnly BirthDate, bool Female, int Serial)
{
    public string Day => (BirthDate.Day + (Female ? 40 : 0)).ToString("D2", null);

    public string Month => BirthDate.Month.ToString("D2", null);

    public string Year => (BirthDate.Year % 100).ToString("D2", null);

    public string SerialDigits => Serial.ToString("D4", null);

    public string Text => District + Day + Month + Year + SerialDigits;
}
