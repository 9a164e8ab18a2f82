using System.ComponentModel;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Citizens;

[Description("The once-only citizen profile: registry data entered once and reused by every service. Fields a purpose does not need are omitted.")]
public sealed record CitizenProfile
{
    public required Nik Nik { get; init; }

    [Description("Family card number the citizen is listed on.")]
    public KkNumber? KkNumber { get; init; }

    public string? FullName { get; init; }

    public string? BirthPlace { get; init; }

    public DateOnly? BirthDate { get; init; }

    public Sex? Sex { get; init; }

    public CivilStatus? CivilStatus { get; init; }

    public Religion? Religion { get; init; }

    [Description("Occupation as the registry writes it (JENIS_PKRJN), e.g. KARYAWAN SWASTA.")]
    public string? Occupation { get; init; }

    public Education? Education { get; init; }

    public BloodType? BloodType { get; init; }

    [Description("Mother's full name (NAMA_LGKP_IBU).")]
    public string? MotherName { get; init; }

    public FamilyRelation? FamilyRelation { get; init; }

    public Address? Address { get; init; }
}
