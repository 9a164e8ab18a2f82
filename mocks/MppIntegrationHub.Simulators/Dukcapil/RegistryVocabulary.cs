using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Regions;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Simulators.Dukcapil;

/// <summary>How Dukcapil writes registry values.</summary>
internal static class RegistryVocabulary
{
    public static string Sex(Sex sex) => sex == Contracts.Identity.Sex.Male ? "Laki-Laki" : "Perempuan";

    public static string CivilStatus(CivilStatus status) => status switch
    {
        Contracts.Citizens.CivilStatus.Married => "KAWIN",
        Contracts.Citizens.CivilStatus.Divorced => "CERAI HIDUP",
        Contracts.Citizens.CivilStatus.Widowed => "CERAI MATI",
        _ => "BELUM KAWIN",
    };

    public static string Religion(Religion religion) => religion switch
    {
        Contracts.Citizens.Religion.Islam => "ISLAM",
        Contracts.Citizens.Religion.Protestant => "KRISTEN",
        Contracts.Citizens.Religion.Catholic => "KATHOLIK",
        Contracts.Citizens.Religion.Hindu => "HINDU",
        Contracts.Citizens.Religion.Buddhist => "BUDHA",
        Contracts.Citizens.Religion.Confucian => "KHONGHUCU",
        _ => "KEPERCAYAAN TERHADAP TUHAN YME",
    };

    public static string Education(Education education) => education switch
    {
        Contracts.Citizens.Education.None => "TIDAK/BELUM SEKOLAH",
        Contracts.Citizens.Education.PrimaryIncomplete => "BELUM TAMAT SD/SEDERAJAT",
        Contracts.Citizens.Education.Primary => "TAMAT SD/SEDERAJAT",
        Contracts.Citizens.Education.JuniorSecondary => "SLTP/SEDERAJAT",
        Contracts.Citizens.Education.SeniorSecondary => "SLTA/SEDERAJAT",
        Contracts.Citizens.Education.DiplomaOneTwo => "DIPLOMA I/II",
        Contracts.Citizens.Education.DiplomaThree => "AKADEMI/DIPLOMA III/S. MUDA",
        Contracts.Citizens.Education.Bachelor => "DIPLOMA IV/STRATA I",
        Contracts.Citizens.Education.Master => "STRATA II",
        _ => "STRATA III",
    };

    public static string BloodType(BloodType bloodType) =>
        bloodType == Contracts.Citizens.BloodType.Unknown ? "TIDAK TAHU" : bloodType.ToString();

    public static string Relation(FamilyRelation relation) => relation switch
    {
        FamilyRelation.Head => "KEPALA KELUARGA",
        FamilyRelation.Husband => "SUAMI",
        FamilyRelation.Wife => "ISTRI",
        FamilyRelation.Child => "ANAK",
        FamilyRelation.ChildInLaw => "MENANTU",
        FamilyRelation.Grandchild => "CUCU",
        FamilyRelation.Parent => "ORANG TUA",
        FamilyRelation.ParentInLaw => "MERTUA",
        FamilyRelation.OtherRelative => "FAMILI LAIN",
        _ => "LAINNYA",
    };

    /// <summary>The four region levels of a citizen's village: (number within parent, upper-case name).</summary>
    public static (long Number, string Name)[] Regions(Citizen citizen)
    {
        var village = citizen.Address.VillageCode;
        var codes = new[] { village.Parent!.Value.Parent!.Value.Parent!.Value, village.Parent!.Value.Parent!.Value, village.Parent!.Value, village };
        return [.. codes.Select(code => (code.Value % (code.Level == RegionLevel.Village ? 10_000 : 100), (code.Name ?? string.Empty).ToUpperInvariant()))];
    }
}
