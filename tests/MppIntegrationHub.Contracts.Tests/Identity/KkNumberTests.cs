using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Tests.Identity;

public sealed class KkNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void TryParse_Valid_ExposesDistrictAndEntryDate()
    {
        Assert.True(KkNumber.TryParse("3273 0112 0315 0042", Today, out var kk, out var error), error?.Message);

        Assert.Equal("3273011203150042", kk.Value);
        Assert.Equal("327301", kk.District.ToString());
        Assert.Equal(new DateOnly(2015, 3, 12), kk.EntryDate);
    }

    [Theory]
    [InlineData("327301120315004", KkRule.Length)]
    [InlineData("3273011203150042A", KkRule.Digits)]
    [InlineData("2073011203150042", KkRule.Province)]
    [InlineData("3273015203150042", KkRule.EntryDate)] // KK dates carry no +40
    [InlineData("3273011213150042", KkRule.EntryDate)]
    [InlineData("3273011203150000", KkRule.Serial)]
    public void TryParse_BrokenRule_IsNamed(string input, KkRule expected)
    {
        Assert.False(KkNumber.TryParse(input, Today, out _, out var error));
        Assert.Equal(expected, error.Rule);
    }
}
