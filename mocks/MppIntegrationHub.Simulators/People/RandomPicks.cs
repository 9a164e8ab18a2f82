using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Simulators.People;

/// <summary>Draws of registry values with plausible (not census-exact) frequencies.</summary>
internal static class RandomPicks
{
    public static T Pick<T>(this Random random, T[] items) => items[random.Next(items.Length)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static string Name(this Random random, Sex sex) =>
        $"{(sex == Sex.Male ? random.Pick(NameBank.MaleGiven) : random.Pick(NameBank.FemaleGiven))} {random.Pick(NameBank.Family)}";

    public static Religion Religion(this Random random) => random.Next(100) switch
    {
        < 87 => Contracts.Citizens.Religion.Islam,
        < 94 => Contracts.Citizens.Religion.Protestant,
        < 97 => Contracts.Citizens.Religion.Catholic,
        < 99 => Contracts.Citizens.Religion.Hindu,
        _ => Contracts.Citizens.Religion.Buddhist,
    };

    public static BloodType BloodType(this Random random) => random.Next(100) switch
    {
        < 29 => Contracts.Citizens.BloodType.A,
        < 55 => Contracts.Citizens.BloodType.B,
        < 62 => Contracts.Citizens.BloodType.AB,
        < 92 => Contracts.Citizens.BloodType.O,
        _ => Contracts.Citizens.BloodType.Unknown,
    };

    public static Education Education(this Random random, int age) => age switch
    {
        < 7 => Contracts.Citizens.Education.None,
        < 13 => Contracts.Citizens.Education.PrimaryIncomplete,
        < 16 => Contracts.Citizens.Education.Primary,
        < 19 => Contracts.Citizens.Education.JuniorSecondary,
        _ => random.Next(100) switch
        {
            < 20 => Contracts.Citizens.Education.Primary,
            < 35 => Contracts.Citizens.Education.JuniorSecondary,
            < 75 => Contracts.Citizens.Education.SeniorSecondary,
            < 80 => Contracts.Citizens.Education.DiplomaThree,
            < 95 => Contracts.Citizens.Education.Bachelor,
            < 99 => Contracts.Citizens.Education.Master,
            _ => Contracts.Citizens.Education.Doctorate,
        },
    };

    public static string Occupation(this Random random, int age) => age switch
    {
        < 5 => NameBank.NotWorking,
        < 22 => NameBank.Student,
        >= 60 when random.Chance(0.5) => NameBank.Retired,
        _ => random.Pick(NameBank.AdultOccupations),
    };

    public static Guid Uuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
