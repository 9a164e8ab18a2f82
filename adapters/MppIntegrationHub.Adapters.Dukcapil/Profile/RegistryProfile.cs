using System.Globalization;
using System.Text.Json;
using MppIntegrationHub.Adapters.Dukcapil.Registry;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Adapters.Dukcapil.Profile;

/// <summary>A CALL_NIK record as the once-only <see cref="CitizenProfile"/>.</summary>
public static class RegistryProfile
{
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "dd-MM-yyyy"];

    public static CitizenProfile Map(Nik nik, JsonElement record, TimeProvider clock) => new()
    {
        Nik = nik,
        KkNumber = record.Text("NO_KK") is { } kk
            ? KkNumber.TryParse(kk, clock, out var kkNumber, out _) ? kkNumber : throw new FormatException("The registry sent an invalid KK number.")
            : null,
        FullName = record.Text("NAMA_LGKP"),
        BirthPlace = record.Text("TMPT_LHR"),
        BirthDate = record.Text("TGL_LHR") is { } date
            ? DateOnly.ParseExact(date, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None)
            : null,
        Sex = RegistryVocabulary.ToSex(record.Text("JENIS_KLMIN")),
        CivilStatus = RegistryVocabulary.ToCivilStatus(record.Text("STATUS_KAWIN")),
        Religion = RegistryVocabulary.ToReligion(record.Text("AGAMA")),
        Occupation = record.Text("JENIS_PKRJN"),
        Education = RegistryVocabulary.ToEducation(record.Text("PDDK_AKH")),
        BloodType = RegistryVocabulary.ToBloodType(record.Text("GOL_DARAH")),
        MotherName = record.Text("NAMA_LGKP_IBU"),
        FamilyRelation = RegistryVocabulary.ToFamilyRelation(record.Text("STAT_HBKEL")),
        Address = AddressOf(record),
    };

    private static Address? AddressOf(JsonElement record)
    {
        if (record.Text("ALAMAT") is not { } street
            || record.Number("NO_PROP") is not { } province || record.Number("NO_KAB") is not { } regency
            || record.Number("NO_KEC") is not { } district || record.Number("NO_KEL") is not { } village)
        {
            return null;
        }

        var code = RegionCode.Parse(string.Create(CultureInfo.InvariantCulture, $"{province:D2}{regency:D2}{district:D2}{village:D4}"));
        return new Address
        {
            Street = street,
            Rt = (record.Number("NO_RT") ?? 0).ToString("D3", CultureInfo.InvariantCulture),
            Rw = (record.Number("NO_RW") ?? 0).ToString("D3", CultureInfo.InvariantCulture),
            Hamlet = record.Text("DUSUN"),
            VillageCode = code,
            PostalCode = record.Number("KODE_POS") is { } postal and > 0 ? postal.ToString("D5", CultureInfo.InvariantCulture) : null,
        };
    }
}
