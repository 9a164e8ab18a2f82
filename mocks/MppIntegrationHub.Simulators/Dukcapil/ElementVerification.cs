using System.Globalization;
using MppIntegrationHub.Simulators.People;
using MppIntegrationHub.Simulators.Rest;

namespace MppIntegrationHub.Simulators.Dukcapil;

/// <summary>CALL_VERIFY_BY_ELEMEN: every field sent comes back <c>Sesuai</c>/<c>Tidak Sesuai</c>, free text with a score.</summary>
internal static class ElementVerification
{
    private static readonly string[] FreeText = ["NAMA_LGKP", "TMPT_LHR", "ALAMAT", "NAMA_LGKP_IBU"];

    private static readonly string[] NotElements = ["user_id", "password", "IP_USER", "TRESHOLD", "THRESHOLD"];

    public static Dictionary<string, object> Verify(RestRequest request, IEnumerable<string> fields, Citizen citizen)
    {
        var threshold = int.TryParse(request.Field("TRESHOLD"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : 80;
        var registered = Registered(citizen);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in fields.Where(f => !NotElements.Contains(f, StringComparer.Ordinal)))
        {
            if (!registered.TryGetValue(field, out var expected) || request.Field(field) is not { } submitted)
            {
                continue;
            }

            if (FreeText.Contains(field, StringComparer.Ordinal))
            {
                var score = FuzzyScore.Of(submitted, expected);
                result[field] = $"{(score >= threshold ? "Sesuai" : "Tidak Sesuai")} ({score})";
            }
            else
            {
                result[field] = Same(field, submitted, expected) ? "Sesuai" : "Tidak Sesuai";
            }
        }

        return result;
    }

    private static bool Same(string field, string submitted, string expected) => field switch
    {
        "NO_RT" or "NO_RW" or "NO_PROP" or "NO_KAB" or "NO_KEC" or "NO_KEL" or "NO_KK" or "NIK" =>
            long.TryParse(submitted.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            && long.TryParse(expected, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && a == b,
        _ => string.Equals(submitted.Trim(), expected, StringComparison.OrdinalIgnoreCase),
    };

    private static Dictionary<string, string> Registered(Citizen citizen)
    {
        var regions = RegistryVocabulary.Regions(citizen);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NIK"] = citizen.Nik.Value,
            ["NO_KK"] = citizen.Kk.Value,
            ["NAMA_LGKP"] = citizen.FullName,
            ["TMPT_LHR"] = citizen.BirthPlace,
            ["TGL_LHR"] = citizen.BirthDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            ["JENIS_KLMIN"] = RegistryVocabulary.Sex(citizen.Sex),
            ["STATUS_KAWIN"] = RegistryVocabulary.CivilStatus(citizen.CivilStatus),
            ["JENIS_PKRJN"] = citizen.Occupation,
            ["PDDK_AKH"] = RegistryVocabulary.Education(citizen.Education),
            ["NAMA_LGKP_IBU"] = citizen.MotherName,
            ["AGAMA"] = RegistryVocabulary.Religion(citizen.Religion),
            ["GOL_DARAH"] = RegistryVocabulary.BloodType(citizen.BloodType),
            ["ALAMAT"] = citizen.Address.Street,
            ["NO_RT"] = citizen.Address.Rt,
            ["NO_RW"] = citizen.Address.Rw,
            ["NO_PROP"] = regions[0].Number.ToString(CultureInfo.InvariantCulture),
            ["NO_KAB"] = regions[1].Number.ToString(CultureInfo.InvariantCulture),
            ["NO_KEC"] = regions[2].Number.ToString(CultureInfo.InvariantCulture),
            ["NO_KEL"] = regions[3].Number.ToString(CultureInfo.InvariantCulture),
            ["PROP_NAME"] = regions[0].Name,
            ["KAB_NAME"] = regions[1].Name,
            ["KEC_NAME"] = regions[2].Name,
            ["KEL_NAME"] = regions[3].Name,
        };
    }
}
