using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Contracts.Tests.Identity;

public sealed class NikTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void TryParse_ValidMaleNik_ExposesItsParts()
    {
        var ok = Nik.TryParse("3273011708900003", Today, out var nik, out var error);

        Assert.True(ok, error?.Message);
        Assert.Equal("3273011708900003", nik.Value);
        Assert.Equal("32", nik.Province.ToString());
        Assert.Equal("3273", nik.Regency.ToString());
        Assert.Equal("327301", nik.District.ToString());
        Assert.Equal("Sukasari", nik.District.Name);
        Assert.Equal(new DateOnly(1990, 8, 17), nik.BirthDate);
        Assert.Equal(Sex.Male, nik.Sex);
        Assert.Equal(3, nik.Serial);
        Assert.True(nik.IsDistrictListed);
    }

    [Fact]
    public void TryParse_WomansDayPlusForty_IsFemaleWithRealDay()
    {
        Assert.True(Nik.TryParse("3273015708900003", Today, out var nik, out _));

        Assert.Equal(Sex.Female, nik.Sex);
        Assert.Equal(new DateOnly(1990, 8, 17), nik.BirthDate);
    }

    [Theory]
    [InlineData("3273 0117 0890 0003")]
    [InlineData("32.73.01.170890.0003")]
    [InlineData("327301-170890-0003")]
    [InlineData(" 3273011708900003 ")]
    public void TryParse_Separators_AreStripped(string input)
    {
        Assert.True(Nik.TryParse(input, Today, out var nik, out var error), error?.Message);
        Assert.Equal("3273011708900003", nik.Value);
    }

    [Theory]
    [InlineData("327301170890000", NikRule.Length)] // 15 digits
    [InlineData("32730117089000031", NikRule.Length)] // 17 digits
    [InlineData("", NikRule.Length)]
    [InlineData("32730117089O0003", NikRule.Digits)] // letter O
    [InlineData("3273011708900003x", NikRule.Digits)]
    [InlineData("３２７３０１１７０８９０００３", NikRule.Digits)] // full-width digits
    [InlineData("3273010008900003", NikRule.Day)] // day 00
    [InlineData("3273013208900003", NikRule.Day)] // day 32
    [InlineData("3273014008900003", NikRule.Day)] // day 40: neither a man's nor a woman's day
    [InlineData("3273017208900003", NikRule.Day)] // day 72 = women's 32
    [InlineData("3273013102900003", NikRule.Day)] // 31 February
    [InlineData("3273011700900003", NikRule.Month)] // month 00
    [InlineData("3273011713900003", NikRule.Month)] // month 13
    [InlineData("3273011708900000", NikRule.Serial)]
    [InlineData("1073011708900003", NikRule.Province)] // 10 is not a province
    [InlineData("9973011708900003", NikRule.Province)]
    public void TryParse_BrokenRule_IsNamed(string input, NikRule expected)
    {
        var ok = Nik.TryParse(input, Today, out _, out var error);

        Assert.False(ok);
        Assert.Equal(expected, error!.Rule);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData("3273016902240001", 2024)] // women's 29 Feb in leap year 2024
    [InlineData("3273016902960001", 1996)] // 2096 is in the future, 1996 is a leap year
    [InlineData("3273016902000001", 2000)] // 2000 is a leap year (divisible by 400)
    public void TryParse_WomansLeapDay_IsValidInALeapYear(string input, int year)
    {
        Assert.True(Nik.TryParse(input, Today, out var nik, out var error), error?.Message);
        Assert.Equal(new DateOnly(year, 2, 29), nik.BirthDate);
        Assert.Equal(Sex.Female, nik.Sex);
    }

    [Theory]
    [InlineData("3273016902230001")] // 2023 and 1923 are not leap years
    [InlineData("3273016902250001")]
    public void TryParse_WomansLeapDayInNonLeapYear_IsRejectedOnTheDay(string input)
    {
        Assert.False(Nik.TryParse(input, Today, out _, out var error));
        Assert.Equal(NikRule.Day, error!.Rule);
    }

    [Fact]
    public void TryParse_TwoDigitYear_TakesTheCenturyThatIsNotInTheFuture()
    {
        Assert.True(Nik.TryParse("3273012311260001", Today, out var bornToday, out _));
        Assert.True(Nik.TryParse("3273012411260001", Today, out var bornNextDay, out _));

        Assert.Equal(new DateOnly(2026, 11, 23), bornToday.BirthDate);
        Assert.Equal(new DateOnly(1926, 11, 24), bornNextDay.BirthDate);
    }

    [Fact]
    public void TryParse_UnknownButPlausibleDistrict_IsValidAndFlagged()
    {
        // Kota Bandung has districts 01-30; 99 may be a code retired by a split.
        var ok = Nik.TryParse("3273991708900003", Today, out var nik, out var error);

        Assert.True(ok, error?.Message);
        Assert.False(nik.IsDistrictListed);
        Assert.Null(nik.District.Name);
        Assert.Equal("Kota Bandung", nik.Regency.Name);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithTheRule()
    {
        var ex = Assert.Throws<FormatException>(() => Nik.Parse("3273011708900000", Today));

        Assert.Contains("serial", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryParse_WithClock_UsesIndonesianDate()
    {
        // 23:30 UTC on 22 Nov is already 23 Nov in Jayapura (UTC+9): a baby born there today is not "future".
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));

        Assert.True(Nik.TryParse("9171012311260001", clock, out var nik, out _));
        Assert.Equal(new DateOnly(2026, 11, 23), nik.BirthDate);
        Assert.Equal(RegionLevel.District, nik.District.Level);
    }

}
