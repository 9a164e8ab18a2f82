using System.Globalization;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Simulators.Dukcapil;

/// <summary>CALL_NIK: the full registry record, dates written dd.MM.yyyy, region and RT/RW numbers as numbers.</summary>
internal static class RegistryRecord
{
    public static Dictionary<string, object> Of(Citizen citizen)
    {
        var regions = RegistryVocabulary.Regions(citizen);
        var married = citizen.MarriageDate is { } date;
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["STATUS"] = "1",
            ["DESCSTATUS"] = "AKTIF",
            ["NIK"] = citizen.Nik.Value,
            ["NO_KK"] = citizen.Kk.Value,
            ["NAMA_LGKP"] = citizen.FullName,
            ["TMPT_LHR"] = citizen.BirthPlace,
            ["TGL_LHR"] = Dotted(citizen.BirthDate),
            ["JENIS_KLMIN"] = RegistryVocabulary.Sex(citizen.Sex),
            ["GOL_DARAH"] = RegistryVocabulary.BloodType(citizen.BloodType),
            ["AGAMA"] = RegistryVocabulary.Religion(citizen.Religion),
            ["STATUS_KAWIN"] = RegistryVocabulary.CivilStatus(citizen.CivilStatus),
            ["STAT_HBKEL"] = RegistryVocabulary.Relation(citizen.FamilyRelation),
            ["PDDK_AKH"] = RegistryVocabulary.Education(citizen.Education),
            ["JENIS_PKRJN"] = citizen.Occupation,
            ["NAMA_LGKP_IBU"] = citizen.MotherName,
            ["NAMA_LGKP_AYAH"] = citizen.FatherName,
            ["NO_AKTA_LHR"] = citizen.BirthCertificateNumber,
            ["ALAMAT"] = citizen.Address.Street,
            ["NO_RT"] = int.Parse(citizen.Address.Rt, CultureInfo.InvariantCulture),
            ["NO_RW"] = int.Parse(citizen.Address.Rw, CultureInfo.InvariantCulture),
            ["DUSUN"] = citizen.Address.Hamlet ?? "-",
            ["KODE_POS"] = int.Parse(citizen.Address.PostalCode ?? "0", CultureInfo.InvariantCulture),
            ["NO_PROP"] = regions[0].Number,
            ["NO_KAB"] = regions[1].Number,
            ["NO_KEC"] = regions[2].Number,
            ["NO_KEL"] = regions[3].Number,
            ["PROP_NAME"] = regions[0].Name,
            ["KAB_NAME"] = regions[1].Name,
            ["KEC_NAME"] = regions[2].Name,
            ["KEL_NAME"] = regions[3].Name,
            ["EKTP_STATUS"] = "SUDAH PEREKAMAN",
            ["PNYDNG_CCT"] = "-",
            ["TGL_KWN"] = married ? Dotted(citizen.MarriageDate!.Value) : "-",
            ["NO_AKTA_KWN"] = married ? $"KWN-{citizen.Kk.Value[..4]}-{citizen.MarriageDate:yyyyMMdd}" : "-",
            ["TGL_CRAI"] = "-",
            ["NO_AKTA_CRAI"] = "-",
        };
    }

    private static string Dotted(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
