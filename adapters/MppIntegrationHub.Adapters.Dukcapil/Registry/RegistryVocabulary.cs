using System.Collections.Frozen;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Adapters.Dukcapil.Registry;

/// <summary>Dukcapil's words for registry values, both ways. An unknown word is a malformed answer.</summary>
public static class RegistryVocabulary
{
    private static readonly FrozenDictionary<string, Sex> Sexes = Words<Sex>(("LAKI-LAKI", Sex.Male), ("PEREMPUAN", Sex.Female));

    private static readonly FrozenDictionary<string, CivilStatus> CivilStatuses = Words(
        ("BELUM KAWIN", CivilStatus.Unmarried), ("KAWIN", CivilStatus.Married),
        ("CERAI HIDUP", CivilStatus.Divorced), ("CERAI MATI", CivilStatus.Widowed));

    private static readonly FrozenDictionary<string, Religion> Religions = Words(
        ("ISLAM", Religion.Islam), ("KRISTEN", Religion.Protestant), ("KATHOLIK", Religion.Catholic), ("KATOLIK", Religion.Catholic),
        ("HINDU", Religion.Hindu), ("BUDHA", Religion.Buddhist), ("BUDDHA", Religion.Buddhist), ("KHONGHUCU", Religion.Confucian),
        ("KEPERCAYAAN TERHADAP TUHAN YME", Religion.Belief), ("KEPERCAYAAN", Religion.Belief));

    private static readonly FrozenDictionary<string, Education> Educations = Words(
        ("TIDAK/BELUM SEKOLAH", Education.None), ("BELUM TAMAT SD/SEDERAJAT", Education.PrimaryIncomplete),
        ("TAMAT SD/SEDERAJAT", Education.Primary), ("SLTP/SEDERAJAT", Education.JuniorSecondary),
        ("SLTA/SEDERAJAT", Education.SeniorSecondary), ("DIPLOMA I/II", Education.DiplomaOneTwo),
        ("AKADEMI/DIPLOMA III/S. MUDA", Education.DiplomaThree), ("DIPLOMA IV/STRATA I", Education.Bachelor),
        ("STRATA II", Education.Master), ("STRATA III", Education.Doctorate));

    private static readonly FrozenDictionary<string, BloodType> BloodTypes = Words(
        ("A", BloodType.A), ("B", BloodType.B), ("AB", BloodType.AB), ("O", BloodType.O), ("TIDAK TAHU", BloodType.Unknown));

    private static readonly FrozenDictionary<string, FamilyRelation> Relations = Words(
        ("KEPALA KELUARGA", FamilyRelation.Head), ("SUAMI", FamilyRelation.Husband), ("ISTRI", FamilyRelation.Wife),
        ("ANAK", FamilyRelation.Child), ("MENANTU", FamilyRelation.ChildInLaw), ("CUCU", FamilyRelation.Grandchild),
        ("ORANG TUA", FamilyRelation.Parent), ("MERTUA", FamilyRelation.ParentInLaw), ("FAMILI LAIN", FamilyRelation.OtherRelative),
        ("LAINNYA", FamilyRelation.Other));

    public static string Word(Sex sex) => sex == Sex.Male ? "Laki-Laki" : "Perempuan";

    public static string Word(CivilStatus status) => CivilStatuses.First(p => p.Value == status).Key;

    public static Sex? ToSex(string? word) => Read(Sexes, word);

    public static CivilStatus? ToCivilStatus(string? word) => Read(CivilStatuses, word);

    public static Religion? ToReligion(string? word) => Read(Religions, word);

    public static Education? ToEducation(string? word) => Read(Educations, word);

    public static BloodType? ToBloodType(string? word) => Read(BloodTypes, word);

    public static FamilyRelation? ToFamilyRelation(string? word) => Read(Relations, word);

    private static T? Read<T>(FrozenDictionary<string, T> words, string? word)
        where T : struct =>
        word is null ? null
        : words.TryGetValue(word.Trim().ToUpperInvariant(), out var value) ? value
        : throw new FormatException($"The registry sent an unknown {typeof(T).Name} word.");

    private static FrozenDictionary<string, T> Words<T>(params (string Word, T Value)[] words) =>
        words.ToFrozenDictionary(w => w.Word, w => w.Value, StringComparer.Ordinal);
}
