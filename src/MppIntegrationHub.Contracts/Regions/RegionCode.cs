using System.Text.Json.Serialization;

namespace MppIntegrationHub.Contracts.Regions;

/// <summary>
/// A Kemendagri region code of 2, 4, 6 or 10 digits, held without dots (the form NIKs, KK numbers and SATUSEHAT
/// extensions carry). A well-formed code need not exist in the directory: <see cref="IsKnown"/> says whether it does.
/// </summary>
[JsonConverter(typeof(RegionCodeJsonConverter))]
public readonly record struct RegionCode
{
    private readonly long _value;
    private readonly byte _digits;

    private RegionCode(long value, byte digits)
    {
        _value = value;
        _digits = digits;
    }

    public RegionLevel Level => (RegionLevel)_digits;

    /// <summary>The code as a number (leading digits never zero: province codes start at 11).</summary>
    public long Value => _value;

    /// <summary>The enclosing code, or null for a province.</summary>
    public RegionCode? Parent => Level switch
    {
        RegionLevel.Province => null,
        RegionLevel.Regency => new RegionCode(_value / 100, 2),
        RegionLevel.District => new RegionCode(_value / 100, 4),
        _ => new RegionCode(_value / 10_000, 6),
    };

    /// <summary>Whether the 2025 directory lists this code.</summary>
    public bool IsKnown => RegionDirectory.Default.TryGet(this, out _);

    /// <summary>The region's name from the directory, or null when the code is not listed.</summary>
    public string? Name => RegionDirectory.Default.TryGet(this, out var region) ? region.Name : null;

    /// <summary>Written with dots, as in Kemendagri reference data: <c>11.01.01.2001</c>.</summary>
    public string Dotted
    {
        get
        {
            var digits = ToString();
            return Level switch
            {
                RegionLevel.Province => digits,
                RegionLevel.Regency => $"{digits[..2]}.{digits[2..4]}",
                RegionLevel.District => $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}",
                _ => $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}.{digits[6..]}",
            };
        }
    }

    /// <summary>
    /// Reads a code written with or without dots. Allocation-free; succeeds for any well-formed code,
    /// listed or not.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out RegionCode code)
    {
        code = default;
        long value = 0;
        byte digits = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                continue;
            }

            if (c is < '0' or > '9' || digits == 10)
            {
                return false;
            }

            value = (value * 10) + (c - '0');
            digits++;
        }

        if (digits is not (2 or 4 or 6 or 10) || value < SmallestWith(digits))
        {
            return false;
        }

        code = new RegionCode(value, digits);
        return true;
    }

    public static RegionCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new FormatException("A region code has 2, 4, 6 or 10 digits, optionally written with dots.");

    /// <summary>The first <paramref name="digits"/> digits of a longer code (e.g. a NIK's district).</summary>
    internal static RegionCode FromDigits(long value, int digits) => new(value, (byte)digits);

    public bool Equals(RegionCode other) => _value == other._value && _digits == other._digits;

    public override int GetHashCode() => HashCode.Combine(_value, _digits);

    public override string ToString() => _digits == 0 ? string.Empty : _value.ToString($"D{_digits}", null);

    // Codes never start with 0 (provinces are 11-96), so a leading zero marks a malformed code.
    private static long SmallestWith(int digits) => digits switch
    {
        2 => 10,
        4 => 1_000,
        6 => 100_000,
        _ => 1_000_000_000,
    };
}
