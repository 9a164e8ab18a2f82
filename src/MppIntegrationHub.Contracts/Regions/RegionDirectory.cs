using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace MppIntegrationHub.Contracts.Regions;

/// <summary>
/// The Kemendagri region directory (Kepmendagri 300.2.2-2138/2025), loaded once from the embedded CSV.
/// Lookups are O(1) and allocation-free.
/// </summary>
public sealed class RegionDirectory
{
    private const string ResourceName = "MppIntegrationHub.Contracts.Regions.kode-wilayah-2025.csv";
    private static readonly Lazy<RegionDirectory> Loaded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<long, Region> _byValue;

    private RegionDirectory(FrozenDictionary<long, Region> byValue)
    {
        _byValue = byValue;
        foreach (var region in byValue.Values)
        {
            switch (region.Level)
            {
                case RegionLevel.Province: ProvinceCount++; break;
                case RegionLevel.Regency: RegencyCount++; break;
                case RegionLevel.District: DistrictCount++; break;
                default: VillageCount++; break;
            }
        }
    }

    /// <summary>The directory shipped with the hub, loaded on first use.</summary>
    public static RegionDirectory Default => Loaded.Value;

    public int ProvinceCount { get; }

    public int RegencyCount { get; }

    public int DistrictCount { get; }

    public int VillageCount { get; }

    public IEnumerable<Region> All => _byValue.Values;

    public bool TryGet(RegionCode code, [NotNullWhen(true)] out Region? region)
    {
        // Value ranges of the four levels do not overlap, but the level check keeps the contract explicit.
        if (_byValue.TryGetValue(code.Value, out region) && region.Level == code.Level)
        {
            return true;
        }

        region = null;
        return false;
    }

    public bool TryGet(ReadOnlySpan<char> code, [NotNullWhen(true)] out Region? region)
    {
        region = null;
        return RegionCode.TryParse(code, out var parsed) && TryGet(parsed, out region);
    }

    /// <summary>Reads a directory from CSV lines <c>kode,nama</c> (header first; names may be quoted).</summary>
    public static RegionDirectory Load(TextReader reader)
    {
        var byValue = new Dictionary<long, Region>(capacity: 92_000);
        _ = reader.ReadLine(); // header
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !RegionCode.TryParse(line.AsSpan(0, comma), out var code))
            {
                throw new InvalidDataException($"Region directory line {lineNumber} is not 'kode,nama'.");
            }

            var name = Unquote(line.AsSpan(comma + 1));
            Region? parent = null;
            if (code.Parent is { } parentCode && !byValue.TryGetValue(parentCode.Value, out parent))
            {
                throw new InvalidDataException($"Region directory line {lineNumber}: parent of {code} is not listed before it.");
            }

            byValue.Add(code.Value, new Region(code, name, parent));
        }

        return new RegionDirectory(byValue.ToFrozenDictionary());
    }

    private static string Unquote(ReadOnlySpan<char> field) =>
        field.Length >= 2 && field[0] == '"' && field[^1] == '"'
            ? field[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal)
            : field.ToString();

    private static RegionDirectory LoadEmbedded()
    {
        using var stream = typeof(RegionDirectory).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded region directory '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }
}
