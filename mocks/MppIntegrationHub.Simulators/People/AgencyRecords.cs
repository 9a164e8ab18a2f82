using MppIntegrationHub.Contracts.Agencies;

namespace MppIntegrationHub.Simulators.People;

/// <summary>Police, licence and passport records for one citizen, drawn around the reference date.</summary>
internal static class AgencyRecords
{
    /// <summary>Online renewal opens this long before expiry (AGENCY-APIS.md, kelayakan-perpanjangan).</summary>
    public const int RenewalWindowDays = 90;

    public static PoliceRecord Police(Random random, DateOnly today, int ordinal) =>
        new(random.Pick(NameBank.Offences), today.Year - 1 - random.Next(15), $"LP/{ordinal % 1000:D3}/{random.Next(1, 13)}/{today.Year - 1}");

    /// <summary>Expiry spread over five years either side of today, so some are expired and some due.</summary>
    public static LicenceRecord Licence(Random random, DateOnly today, LicenceClass licenceClass, int ordinal)
    {
        var expires = today.AddDays(random.Next(-365, (5 * 365) - 1));
        return Licence(licenceClass, expires, ordinal, random.Next(10_000));
    }

    public static LicenceRecord Licence(LicenceClass licenceClass, DateOnly expires, int ordinal, int office) =>
        new($"{office:D4}-{expires.Year % 100:D2}{expires.Month:D2}-{ordinal % 1_000_000:D6}", licenceClass, expires.AddYears(-5), expires);

    public static IReadOnlyList<LicenceRecord> Licences(Random random, DateOnly today, int age, int ordinal)
    {
        var licences = new List<LicenceRecord>(2);
        if (random.Chance(0.7))
        {
            licences.Add(Licence(random, today, LicenceClass.C, ordinal));
        }

        if (licences.Count == 0 || random.Chance(0.35))
        {
            licences.Add(Licence(random, today, age >= 20 && random.Chance(0.1) ? LicenceClass.BI : LicenceClass.A, ordinal + 500_000));
        }

        return licences;
    }

    public static LicenceTest Test(string prefix, DateOnly takenOn, bool passed, int ordinal) =>
        new($"{prefix}-{takenOn:yyyyMMdd}-{ordinal % 1_000_000:D6}", passed, takenOn, takenOn.AddMonths(6));

    public static PassportRecord Passport(Random random, DateOnly today, int ordinal)
    {
        var kind = random.Chance(0.4) ? PassportKind.Electronic : PassportKind.Ordinary;
        var issued = today.AddDays(-random.Next(1, 12 * 365));
        var letter = kind == PassportKind.Electronic ? 'E' : 'C';
        return new PassportRecord($"{letter}{ordinal % 10_000_000:D7}", kind, issued, issued.AddYears(10), "KANIM-JAKSEL");
    }
}
