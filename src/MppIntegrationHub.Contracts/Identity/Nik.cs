using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Contracts.Identity;

/// <summary>
/// Nomor Induk Kependudukan: 16 digits <c>PPKKCC DDMMYY SSSS</c> (district, birth date with +40 for women,
/// serial). There is no check digit, so validation checks structure, date and region only.
/// </summary>
[JsonConverter(typeof(NikJsonConverter))]
public readonly record struct Nik
{
    public const int Length = 16;

    private readonly string? _digits;

    private Nik(string digits, DateOnly birthDate, Sex sex, bool isDistrictListed)
    {
        _digits = digits;
        BirthDate = birthDate;
        Sex = sex;
        IsDistrictListed = isDistrictListed;
    }

    /// <summary>The 16 digits, without separators.</summary>
    public string Value => _digits ?? string.Empty;

    public RegionCode Province => RegionCode.FromDigits(Prefix(2), 2);

    public RegionCode Regency => RegionCode.FromDigits(Prefix(4), 4);

    /// <summary>The district of first registration; it may have been retired since (see <see cref="IsDistrictListed"/>).</summary>
    public RegionCode District => RegionCode.FromDigits(Prefix(6), 6);

    public DateOnly BirthDate { get; }

    public Sex Sex { get; }

    public int Serial => int.Parse(Value.AsSpan(12, 4), provider: null);

    /// <summary>
    /// False when the district is not in the current directory. Districts split over the years, so a genuine NIK can
    /// carry a retired code: this is a flag for review, not a rejection.
    /// </summary>
    public bool IsDistrictListed { get; }

    /// <summary>Validates a NIK written with or without spaces, dots and dashes.</summary>
    /// <param name="input">What the citizen or portal typed.</param>
    /// <param name="today">The current date in Indonesia, for choosing the birth century.</param>
    /// <param name="nik">The NIK when valid.</param>
    /// <param name="error">The broken rule when not.</param>
    public static bool TryParse(
        ReadOnlySpan<char> input,
        DateOnly today,
        out Nik nik,
        [NotNullWhen(false)] out NikError? error)
    {
        nik = default;
        Span<char> digits = stackalloc char[Length];
        var count = Digits.Strip(input, digits);
        if (count < 0)
        {
            error = new NikError(NikRule.Digits, "A NIK contains only digits (spaces, dots and dashes are ignored).");
            return false;
        }

        if (count != Length)
        {
            error = new NikError(NikRule.Length, "A NIK has exactly 16 digits.");
            return false;
        }

        var province = RegionCode.FromDigits(Digits.Number(digits[..2]), 2);
        if (!RegionDirectory.Default.TryGet(province, out _))
        {
            error = new NikError(NikRule.Province, "The first two digits of a NIK must be a Kemendagri province code.");
            return false;
        }

        var month = Digits.Number(digits.Slice(8, 2));
        if (month is < 1 or > 12)
        {
            error = new NikError(NikRule.Month, "Digits 9-10 of a NIK are the birth month, 01-12.");
            return false;
        }

        var encodedDay = (int)Digits.Number(digits.Slice(6, 2));
        var sex = encodedDay > 40 ? Sex.Female : Sex.Male;
        var day = sex == Sex.Female ? encodedDay - 40 : encodedDay;
        if (!RegistryDate.TryResolve((int)Digits.Number(digits.Slice(10, 2)), (int)month, day, today, out var birthDate))
        {
            error = new NikError(
                NikRule.Day,
                "Digits 7-8 of a NIK are the day of birth (01-31, plus 40 for women) and must exist in that month and year.");
            return false;
        }

        if (digits[12..].SequenceEqual("0000"))
        {
            error = new NikError(NikRule.Serial, "The last four digits of a NIK are a serial starting at 0001.");
            return false;
        }

        var district = RegionCode.FromDigits(Digits.Number(digits[..6]), 6);
        nik = new Nik(new string(digits), birthDate, sex, RegionDirectory.Default.TryGet(district, out _));
        error = null;
        return true;
    }

    /// <summary>Validates a NIK against the current date of <paramref name="clock"/>.</summary>
    public static bool TryParse(
        ReadOnlySpan<char> input,
        TimeProvider clock,
        out Nik nik,
        [NotNullWhen(false)] out NikError? error) =>
        TryParse(input, RegistryDate.Today(clock), out nik, out error);

    /// <summary>Parses a NIK or throws <see cref="FormatException"/> naming the broken rule.</summary>
    public static Nik Parse(string input, DateOnly today) =>
        TryParse(input, today, out var nik, out var error) ? nik : throw new FormatException(error.Message);

    public override string ToString() => Value;

    private long Prefix(int digits) => Digits.Number(Value.AsSpan(0, digits));
}
