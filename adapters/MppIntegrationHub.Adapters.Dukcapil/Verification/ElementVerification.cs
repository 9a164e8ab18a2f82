using System.Globalization;
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
            BirthDate = request.BirthDate?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
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
    public static Dictionary<string, FieldVerdict> ReadVerdicts(VerificationElements sent, ElementVerdicts judged)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(judged);
        var sentCount = 0;
        foreach (var (_, element) in Elements)
        {
            sentCount += element(sent) is null ? 0 : 1;
        }

        var verdicts = new Dictionary<string, FieldVerdict>(sentCount, StringComparer.Ordinal);
        foreach (var (field, element) in Elements)
        {
            if (element(sent) is null)
            {
                continue;
            }

            var text = element(judged) is { Length: > 0 } verdict && verdict != "-"
                ? verdict
                : throw new FormatException("The registry did not judge an element it was sent.");
            verdicts[field] = ParseVerdict(text) ?? throw new FormatException("The registry sent a verdict the hub does not know.");
        }

        return verdicts;
    }

    /// <summary>Verified when every element (and the face, if sent) matches; not verified when none does.</summary>
    public static VerificationDecision Decide(IReadOnlyDictionary<string, FieldVerdict> fields, FaceMatchResult? face)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var matching = 0;
        foreach (var verdict in fields.Values)
        {
            matching += verdict.Matches ? 1 : 0;
        }

        return face is { Matched: false } || (fields.Count > 0 && matching == 0) ? VerificationDecision.NotVerified
            : matching == fields.Count ? VerificationDecision.Verified
            : VerificationDecision.PartialMatch;
    }

    private const string Matching = "Sesuai";
    private const string NotMatching = "Tidak Sesuai";

    private static readonly FieldVerdict MatchingWithoutScore = new(true);
    private static readonly FieldVerdict NotMatchingWithoutScore = new(false);
    private static readonly FieldVerdict[] MatchingByScore = ByScore(true);
    private static readonly FieldVerdict[] NotMatchingByScore = ByScore(false);

    /// <summary>The request's field name of each element, in the order verdicts are reported.</summary>
    private static readonly (string Field, Func<VerificationElements, string?> Element)[] Elements =
    [
        ("kkNumber", e => e.KkNumber), ("fullName", e => e.FullName), ("birthPlace", e => e.BirthPlace),
        ("birthDate", e => e.BirthDate), ("sex", e => e.Sex), ("civilStatus", e => e.CivilStatus),
        ("occupation", e => e.Occupation), ("motherName", e => e.MotherName), ("address.street", e => e.Street),
        ("address.rt", e => e.Rt), ("address.rw", e => e.Rw), ("address.province", e => e.Province),
        ("address.regency", e => e.Regency), ("address.district", e => e.District), ("address.village", e => e.Village),
    ];

    private static string Unpadded(string digits) => digits.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>Sesuai</c> or <c>Tidak Sesuai</c>, optionally followed by a space and a score of one to three digits in
    /// parentheses; null for anything else.
    /// </summary>
    private static FieldVerdict? ParseVerdict(ReadOnlySpan<char> text)
    {
        bool matches;
        if (text.StartsWith(Matching, StringComparison.Ordinal))
        {
            matches = true;
            text = text[Matching.Length..];
        }
        else if (text.StartsWith(NotMatching, StringComparison.Ordinal))
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

        return text is [' ', '(', .. var digits, ')'] && digits.Length is >= 1 and <= 3 && !digits.ContainsAnyExceptInRange('0', '9')
            ? Verdict(matches, int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Verdicts are immutable and few: those without a score or with a percentage are shared, not allocated per field.</summary>
    private static FieldVerdict Verdict(bool matches, int? score) => score switch
    {
        null => matches ? MatchingWithoutScore : NotMatchingWithoutScore,
        <= 100 => (matches ? MatchingByScore : NotMatchingByScore)[score.Value],
        _ => new FieldVerdict(matches, score),
    };

    private static FieldVerdict[] ByScore(bool matches) => [.. Enumerable.Range(0, 101).Select(score => new FieldVerdict(matches, score))];
}
