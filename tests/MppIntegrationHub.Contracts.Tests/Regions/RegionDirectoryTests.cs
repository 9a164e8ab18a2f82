using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Contracts.Tests.Regions;

public sealed class RegionDirectoryTests
{
    [Fact]
    public void Default_LoadsEveryLevelOfThe2025Directory()
    {
        var directory = RegionDirectory.Default;

        Assert.Equal(38, directory.ProvinceCount);
        Assert.Equal(514, directory.RegencyCount);
        Assert.Equal(7_285, directory.DistrictCount);
        Assert.Equal(83_762, directory.VillageCount);
    }

    [Theory]
    [InlineData("32", RegionLevel.Province, "Jawa Barat", null)]
    [InlineData("32.73", RegionLevel.Regency, "Kota Bandung", "32")]
    [InlineData("3273", RegionLevel.Regency, "Kota Bandung", "32")]
    [InlineData("32.73.01", RegionLevel.District, "Sukasari", "3273")]
    [InlineData("11.01.01.2001", RegionLevel.Village, "Keude Bakongan", "110101")]
    [InlineData("12.07.28.1007", RegionLevel.Village, "Lubuk Pakam I,II", "120728")]
    public void TryGet_KnownCode_GivesLevelNameAndParent(string code, RegionLevel level, string name, string? parent)
    {
        Assert.True(RegionDirectory.Default.TryGet(code, out var region));

        Assert.Equal(level, region.Level);
        Assert.Equal(name, region.Name);
        Assert.Equal(parent, region.Parent?.Code.ToString());
        Assert.Equal(parent, region.Code.Parent?.ToString());
    }

    [Theory]
    [InlineData("3")]
    [InlineData("327")]
    [InlineData("32730")]
    [InlineData("32.73.01.20011")]
    [InlineData("0273")]
    [InlineData("32a3")]
    public void TryParse_MalformedCode_IsRejected(string code) =>
        Assert.False(RegionCode.TryParse(code, out _));

    [Fact]
    public void RegionCode_WellFormedButUnlisted_IsNotKnown()
    {
        var code = RegionCode.Parse("32.73.99");

        Assert.False(code.IsKnown);
        Assert.Null(code.Name);
        Assert.Equal("32.73.99", code.Dotted);
        Assert.Equal("Kota Bandung", code.Parent?.Name);
    }

    [Fact]
    public void EveryEntry_HasItsParentListed()
    {
        foreach (var region in RegionDirectory.Default.All)
        {
            Assert.Equal(region.Code.Parent, region.Parent?.Code);
        }
    }
}
