using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MppIntegrationHub.Adapters.Dukcapil.Registry;
using MppIntegrationHub.Contracts.Verification;

namespace MppIntegrationHub.Adapters.Dukcapil.Verification;

/// <summary>
/// CALL_VERIFY_BY_ELEMEN both ways: the canonical request's elements as Dukcapil fields, and Dukcapil's
/// <c>Sesuai</c>/<c>Tidak Sesuai (59)</c> verdicts as per-field verdicts keyed by the request's field names.
/// </summary>
public static partial class ElementVerification
{
    /// <summary>The body to send and the (request field, Dukcapil element) pairs it judges.</summary>
    public static (Dictionary<string, string> Body, List<(string Field, string Element)> Elements) Build(
        IdentityVerificationRequest request, DukcapilAdapterOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var body = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NIK"] = request.Nik.Value,
            ["user_id"] = options.UserId,
            ["password"] = options.Password,
            ["IP_USER"] = options.IpUser,
            ["TRESHOLD"] = options.MatchThreshold.ToString(CultureInfo.InvariantCulture),
        };
        var elements = new List<(string Field, string Element)>();

        void Add(string field, string element, string? value)
        {
            if (value is not null)
            {
                body[element] = value;
                elements.Add((field, element));
            }
        }

        Add("kkNumber", "NO_KK", request.KkNumber?.Value);
        Add("fullName", "NAMA_LGKP", request.FullName);
        Add("birthPlace", "TMPT_LHR", request.BirthPlace);
        Add("birthDate", "TGL_LHR", request.BirthDate?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        Add("sex", "JENIS_KLMIN", request.Sex is { } sex ? RegistryVocabulary.Word(sex) : null);
        Add("civilStatus", "STATUS_KAWIN", request.CivilStatus is { } status ? RegistryVocabulary.Word(status) : null);
        Add("occupation", "JENIS_PKRJN", request.Occupation);
        Add("motherName", "NAMA_LGKP_IBU", request.MotherName);
        if (request.Address is { } address)
        {
            var village = address.VillageCode.Value;
            Add("address.street", "ALAMAT", address.Street);
            Add("address.rt", "NO_RT", Unpadded(address.Rt));
            Add("address.rw", "NO_RW", Unpadded(address.Rw));
            Add("address.province", "NO_PROP", (village / 100_000_000).ToString(CultureInfo.InvariantCulture));
            Add("address.regency", "NO_KAB", (village / 1_000_000 % 100).ToString(CultureInfo.InvariantCulture));
            Add("address.district", "NO_KEC", (village / 10_000 % 100).ToString(CultureInfo.InvariantCulture));
            Add("address.village", "NO_KEL", (village % 10_000).ToString(CultureInfo.InvariantCulture));
        }

        return (body, elements);
    }

    /// <summary>One verdict per element sent; an element the registry did not judge is a malformed answer.</summary>
    public static Dictionary<string, FieldVerdict> ReadVerdicts(JsonElement record, List<(string Field, string Element)> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var verdicts = new Dictionary<string, FieldVerdict>(elements.Count, StringComparer.Ordinal);
        foreach (var (field, element) in elements)
        {
            var text = record.Text(element) ?? throw new FormatException("The registry did not judge an element it was sent.");
            var match = VerdictPattern().Match(text);
            if (!match.Success)
            {
                throw new FormatException("The registry sent a verdict the hub does not know.");
            }

            int? score = match.Groups[2].Success ? int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture) : null;
            verdicts[field] = new FieldVerdict(match.Groups[1].ValueSpan.Length == "Sesuai".Length, score);
        }

        return verdicts;
    }

    /// <summary>Verified when every element (and the face, if sent) matches; not verified when none does.</summary>
    public static VerificationDecision Decide(IReadOnlyDictionary<string, FieldVerdict> fields, FaceMatchResult? face)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var matching = fields.Values.Count(v => v.Matches);
        return face is { Matched: false } || (fields.Count > 0 && matching == 0) ? VerificationDecision.NotVerified
            : matching == fields.Count ? VerificationDecision.Verified
            : VerificationDecision.PartialMatch;
    }

    private static string Unpadded(string digits) => digits.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";

    [GeneratedRegex("^(Sesuai|Tidak Sesuai)(?: \\((\\d{1,3})\\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex VerdictPattern();
}
