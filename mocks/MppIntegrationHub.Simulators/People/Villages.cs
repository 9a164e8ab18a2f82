using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Simulators.People;

/// <summary>Every village of the region directory in code order, so draws by index are deterministic.</summary>
internal static class Villages
{
    private static readonly Lazy<Region[]> Sorted = new(() =>
        [.. RegionDirectory.Default.All.Where(r => r.Level == RegionLevel.Village).OrderBy(r => r.Code.Value)]);

    public static Region[] All => Sorted.Value;

    /// <summary>The birth place a registry would write for someone born in <paramref name="village"/>'s regency.</summary>
    public static string BirthPlaceOf(Region village)
    {
        var regency = village.Parent!.Parent!.Name;
        foreach (var prefix in (ReadOnlySpan<string>)["Kota Administrasi ", "Kabupaten Administrasi ", "Kabupaten ", "Kota "])
        {
            if (regency.StartsWith(prefix, StringComparison.Ordinal))
            {
                return regency[prefix.Length..].ToUpperInvariant();
            }
        }

        return regency.ToUpperInvariant();
    }

    /// <summary>A plausible five-digit postal code, stable per district (not the real Pos Indonesia code).</summary>
    public static string PostalCodeOf(Region village) =>
        (10_000 + (village.Parent!.Code.Value % 89_000)).ToString("D5", null);
}
