using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Contracts.Identity;

/// <summary>
/// Family card (Kartu Keluarga) number: 16 digits, the 6-digit district, the data-entry date DDMMYY (no +40),
/// then a serial from 0001.
/// </summary>
[JsonConverter(typeof(KkNumberJsonConverter))]
public readonly record struct KkNumber
{
    public const int Length = 16;

    private readonly string? _digits;

    private KkNumber(string digits, DateOnly entryDate)
    {
        _digits = digits;
        EntryDate = entryDate;
    }

    public string Value => _digits ?? string.Empty;

    public RegionCode District => RegionCode.FromDigits(Digits.Number(Value.AsSpan(0, 6)), 6);

    /// <summary>When the family card was entered into the registry.</summary>
    public DateOnly EntryDate { get; }

    public static bool TryParse(ReadOnlySpan<char> input, DateOnly today, out KkNumber kk, [NotNullWhen(false)] out KkError? error)
    {
        kk = default;
        Span<char> digits = stackalloc char[Length];
        var count = Digits.Strip(input, digits);
        error = count switch
        {
            < 0 => new KkError(KkRule.Digits, "A KK number contains only digits (spaces, dots and dashes are ignored)."),
            not Length => new KkError(KkRule.Length, "A KK number has exactly 16 digits."),
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        if (!RegionDirectory.Default.TryGet(RegionCode.FromDigits(Digits.Number(digits[..2]), 2), out _))
        {
            error = new KkError(KkRule.Province, "The first two digits of a KK number must be a Kemendagri province code.");
            return false;
        }

        var month = (int)Digits.Number(digits.Slice(8, 2));
        if (month is < 1 or > 12
            || !RegistryDate.TryResolve((int)Digits.Number(digits.Slice(10, 2)), month, (int)Digits.Number(digits.Slice(6, 2)), today, out var entryDate))
        {
            error = new KkError(KkRule.EntryDate, "Digits 7-12 of a KK number are its data-entry date DDMMYY.");
            return false;
        }

        if (digits[12..].SequenceEqual("0000"))
        {
            error = new KkError(KkRule.Serial, "The last four digits of a KK number are a serial starting at 0001.");
            return false;
        }

        kk = new KkNumber(new string(digits), entryDate);
        return true;
    }

    public static bool TryParse(ReadOnlySpan<char> input, TimeProvider clock, out KkNumber kk, [NotNullWhen(false)] out KkError? error) =>
        TryParse(input, RegistryDate.Today(clock), out kk, out error);

    public static KkNumber Parse(string input, DateOnly today) =>
        TryParse(input, today, out var kk, out var error) ? kk : throw new FormatException(error.Message);

    public override string ToString() => Value;
}
