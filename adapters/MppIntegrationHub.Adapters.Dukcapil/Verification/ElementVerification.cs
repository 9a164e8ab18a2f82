using System.Globalization;
using System.Text.Json;
using MppIntegrationHub.Adapters.Dukcapil.Registry;
using MppIntegrationHub.Contracts.Verification;

namespace MppIntegrationHub.Adapters.Dukcapil.Verification;

/// <summary>
/// CALL_VERIFY_BY_ELEMEN both ways: the canonical request's elements as Dukcapil fields, and Dukcapil's
/// <c>Sesuai</c>/<c>Tidak Sesuai (59)</c> verdicts as per-field verdicts keyed by the request's field names.
/// </summary>
public static class ElementVerification
{
    /// <summary>The body to send: the NIK, the credentials and each element the request gives.</summary>
    public static ElementVerificationBody Build(IdentityVerificationRequest request, DukcapilAdapterOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var village = request.Address?.VillageCode.Value;
        return new ElementVerificationBody
        {
            Nik = request.Nik.Value,
            UserId = options.UserId,
            Password = options.Password,
            IpUser = options.IpUser,
            Threshold = options.MatchThreshold.ToString(CultureInfo.InvariantCulture),
            KkNumber = request.KkNumber?.Value,
            FullName = request.FullName,
            BirthPlace = request.BirthPlace,
            BirthDate = request.BirthDate is { } birthDate ? DayMonthYear(birthDate) : null,
            Sex = request.Sex is { } sex ? RegistryVocabulary.Word(sex) : null,
            CivilStatus = request.CivilStatus is { } status ? RegistryVocabulary.Word(status) : null,
            Occupation = request.Occupation,
            MotherName = request.MotherName,
            Street = request.Address?.Street,
            Rt = request.Address is { } rtAddress ? Unpadded(rtAddress.Rt) : null,
            Rw = request.Address is { } rwAddress ? Unpadded(rwAddress.Rw) : null,
            Province = Number(village / 100_000_000),
            Regency = Number(village / 1_000_000 % 100),
            District = Number(village / 10_000 % 100),
            Village = Number(village % 10_000),
        };
    }

    /// <summary>
    /// One verdict per element sent, keyed by the request's field name; an element the registry did not judge is a
    /// malformed answer.
    /// </summary>
    public static SentElementVerdictDictionary ReadVerdicts(VerificationElements sent, ElementVerdicts judged)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(judged);
        var sentElements = 0;
        for (var element = 0; element < Elements.Length; element++)
        {
            sentElements |= Elements[element].Value(sent) is null ? 0 : 1 << element;
        }

        return new SentElementVerdictDictionary(sentElements, judged);
    }

    /// <summary>Verified when every element sent (and the face, if sent) matches; not verified when none does.</summary>
    public static VerificationDecision Decide(int sent, int matching, FaceMatchResult? face) =>
        face is { Matched: false } || (sent > 0 && matching == 0) ? VerificationDecision.NotVerified
        : matching == sent ? VerificationDecision.Verified
        : VerificationDecision.PartialMatch;

    private static ReadOnlySpan<byte> Matching => "Sesuai"u8;

    private static ReadOnlySpan<byte> NotMatching => "Tidak Sesuai"u8;

    private static readonly FieldVerdict MatchingWithoutScore = new(true);
    private static readonly FieldVerdict NotMatchingWithoutScore = new(false);
    private static readonly FieldVerdict[] MatchingByScore = ByScore(true);
    private static readonly FieldVerdict[] NotMatchingByScore = ByScore(false);

    /// <summary>
    /// Each element: the request's field name (verdicts are reported in this order), Dukcapil's name and the value a
    /// body sends.
    /// </summary>
    internal static readonly Element[] Elements =
    [
        new("kkNumber", ElementNames.KkNumber, e => e.KkNumber), new("fullName", ElementNames.FullName, e => e.FullName),
        new("birthPlace", ElementNames.BirthPlace, e => e.BirthPlace), new("birthDate", ElementNames.BirthDate, e => e.BirthDate),
        new("sex", ElementNames.Sex, e => e.Sex), new("civilStatus", ElementNames.CivilStatus, e => e.CivilStatus),
        new("occupation", ElementNames.Occupation, e => e.Occupation), new("motherName", ElementNames.MotherName, e => e.MotherName),
        new("address.street", ElementNames.Street, e => e.Street), new("address.rt", ElementNames.Rt, e => e.Rt),
        new("address.rw", ElementNames.Rw, e => e.Rw), new("address.province", ElementNames.Province, e => e.Province),
        new("address.regency", ElementNames.Regency, e => e.Regency), new("address.district", ElementNames.District, e => e.District),
        new("address.village", ElementNames.Village, e => e.Village),
    ];

    private static string Unpadded(string digits) => digits.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The date as <c>dd-MM-yyyy</c>, written digit by digit (no format string parsed per request).</summary>
    private static string DayMonthYear(DateOnly date) => string.Create(10, date, static (text, date) =>
    {
        Digits(text[..2], date.Day);
        text[2] = '-';
        Digits(text[3..5], date.Month);
        text[5] = '-';
        Digits(text[6..], date.Year);
    });

    /// <summary>Fills <paramref name="text"/> with the last digits of <paramref name="value"/>, zero-padded.</summary>
    private static void Digits(Span<char> text, int value)
    {
        for (var position = text.Length - 1; position >= 0; position--)
        {
            text[position] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>
    /// <c>Sesuai</c> or <c>Tidak Sesuai</c> in UTF-8, optionally followed by a space and a score of one to three digits
    /// in parentheses; null for anything else.
    /// </summary>
    internal static FieldVerdict? ParseVerdict(ReadOnlySpan<byte> text)
    {
        bool matches;
        if (text.StartsWith(Matching))
        {
            matches = true;
            text = text[Matching.Length..];
        }
        else if (text.StartsWith(NotMatching))
        {
            matches = false;
            text = text[NotMatching.Length..];
        }
        else
        {
            return null;
        }

        if (text.IsEmpty)
        {
            return Verdict(matches, null);
        }

        if (text is not [(byte)' ', (byte)'(', .. var digits, (byte)')'] || digits.Length is < 1 or > 3)
        {
            return null;
        }

        var score = 0;
        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return null;
            }

            score = (score * 10) + digit - '0';
        }

        return Verdict(matches, score);
    }

    /// <summary>Verdicts are immutable and few: those without a score or with a percentage are shared, not allocated per field.</summary>
    private static FieldVerdict Verdict(bool matches, int? score) => score switch
    {
        null => matches ? MatchingWithoutScore : NotMatchingWithoutScore,
        <= 100 => (matches ? MatchingByScore : NotMatchingByScore)[score.Value],
        _ => new FieldVerdict(matches, score),
    };

    private static FieldVerdict[] ByScore(bool matches) => [.. Enumerable.Range(0, 101).Select(score => new FieldVerdict(matches, score))];

    /// <summary>An element CALL_VERIFY_BY_ELEMEN judges.</summary>
    internal sealed record Element(string Field, string DukcapilName, Func<VerificationElements, string?> Value)
    {
        public JsonEncodedText Name { get; } = JsonEncodedText.Encode(DukcapilName);
    }
}
