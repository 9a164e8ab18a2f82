using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Simulators.People;

/// <summary>Hands out NIK and KK serials unique per district and date, as the registry does.</summary>
internal sealed class CitizenNumbers(DateOnly today)
{
    private readonly Dictionary<long, int> _nikSerials = [];
    private readonly Dictionary<long, int> _kkSerials = [];

    public Nik NextNik(RegionCode district, DateOnly birthDate, Sex sex)
    {
        var serial = Next(_nikSerials, district, birthDate);
        var day = birthDate.Day + (sex == Sex.Female ? 40 : 0);
        return Nik.Parse($"{district}{day:D2}{birthDate.Month:D2}{birthDate.Year % 100:D2}{serial:D4}", today);
    }

    public KkNumber NextKk(RegionCode district, DateOnly entryDate)
    {
        var serial = Next(_kkSerials, district, entryDate);
        return KkNumber.Parse($"{district}{entryDate.Day:D2}{entryDate.Month:D2}{entryDate.Year % 100:D2}{serial:D4}", today);
    }

    private static int Next(Dictionary<long, int> serials, RegionCode district, DateOnly date)
    {
        var key = (district.Value * 1_000_000) + date.DayNumber;
        var serial = serials.GetValueOrDefault(key) + 1;
        serials[key] = serial;
        return serial;
    }
}
