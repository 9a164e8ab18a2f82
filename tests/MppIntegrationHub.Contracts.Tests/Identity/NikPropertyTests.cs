using CsCheck;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Contracts.Tests.Identity;

public sealed class NikPropertyTests
{
    private static readonly DateOnly Today = NikGenerators.Today;

    private static readonly string[] UnlistedProvinces = Enumerable.Range(0, 100)
        .Select(p => p.ToString("D2", null))
        .Where(p => !RegionDirectory.Default.TryGet(p, out _))
        .ToArray();

    [Fact]
    public void TryParse_AnyValidNik_ParsesBackToTheSameParts() =>
        NikGenerators.ValidParts.Sample(parts =>
        {
            Assert.True(Nik.TryParse(parts.Text, Today, out var nik, out var error), $"{parts.Text}: {error?.Message}");
            Assert.Equal(parts.Text, nik.Value);
            Assert.Equal(parts.District, nik.District.ToString());
            Assert.Equal(parts.District[..4], nik.Regency.ToString());
            Assert.Equal(parts.District[..2], nik.Province.ToString());
            Assert.Equal(parts.BirthDate, nik.BirthDate);
            Assert.Equal(parts.Female ? Sex.Female : Sex.Male, nik.Sex);
            Assert.Equal(parts.Serial, nik.Serial);
            Assert.True(nik.IsDistrictListed);
        }, iter: 20_000);

    [Fact]
    public void TryParse_WrongLength_IsRejectedOnLength() =>
        (from parts in NikGenerators.ValidParts
         from cut in Gen.Int[1, 15]
         from longer in Gen.Bool
         select longer ? parts.Text + parts.Text[..cut] : parts.Text[..cut])
        .Sample(text => AssertRule(text, NikRule.Length));

    [Fact]
    public void TryParse_NonDigit_IsRejectedOnDigits() =>
        (from parts in NikGenerators.ValidParts
         from position in Gen.Int[0, 15]
         from bad in Gen.Char.Where(c => c is not (>= '0' and <= '9') and not (' ' or '.' or '-'))
         select parts.Text[..position] + bad + parts.Text[(position + 1)..])
        .Sample(text => AssertRule(text, NikRule.Digits));

    [Fact]
    public void TryParse_UnlistedProvince_IsRejectedOnProvince() =>
        (from parts in NikGenerators.ValidParts
         from province in Gen.OneOf(UnlistedProvinces)
         select province + parts.Text[2..])
        .Sample(text => AssertRule(text, NikRule.Province));

    [Fact]
    public void TryParse_ImpossibleMonth_IsRejectedOnMonth() =>
        (from parts in NikGenerators.ValidParts
         from month in Gen.OneOf(Gen.Const(0), Gen.Int[13, 99])
         select parts.District + parts.Day + month.ToString("D2", null) + parts.Year + parts.SerialDigits)
        .Sample(text => AssertRule(text, NikRule.Month));

    [Fact]
    public void TryParse_ImpossibleDay_IsRejectedOnDay() =>
        (from parts in NikGenerators.ValidParts
         from day in Gen.OneOf(
             Gen.OneOf(0, 40),
             Gen.Int[32, 40],
             Gen.Int[72, 99],
             Gen.Const(DaysInMonthEveryCentury(parts) + 1 + (parts.Female ? 40 : 0)))
         select parts.District + day.ToString("D2", null) + parts.Month + parts.Year + parts.SerialDigits)
        .Sample(text => AssertRule(text, NikRule.Day));

    [Fact]
    public void TryParse_SerialZero_IsRejectedOnSerial() =>
        NikGenerators.ValidParts
            .Select(parts => parts.Text[..12] + "0000")
            .Sample(text => AssertRule(text, NikRule.Serial));

    private static void AssertRule(string text, NikRule expected)
    {
        Assert.False(Nik.TryParse(text, Today, out _, out var error), $"{text} was accepted");
        Assert.True(expected == error.Rule, $"{text}: expected {expected}, got {error.Rule}");
    }

    // The longest the month can be in either admissible century, so one past it is impossible in both.
    private static int DaysInMonthEveryCentury(NikParts parts) =>
        Math.Max(
            DateTime.DaysInMonth(2000 + (parts.BirthDate.Year % 100), parts.BirthDate.Month),
            DateTime.DaysInMonth(1900 + (parts.BirthDate.Year % 100), parts.BirthDate.Month));
}
