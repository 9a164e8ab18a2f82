using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Simulators.People;

/// <summary>One synthetic resident with everything the agencies know about them.</summary>
public sealed record Citizen
{
    public required Nik Nik { get; init; }

    public required KkNumber Kk { get; init; }

    /// <summary>Upper case, as the registry writes it.</summary>
    public required string FullName { get; init; }

    public required string BirthPlace { get; init; }

    public required DateOnly BirthDate { get; init; }

    public required Sex Sex { get; init; }

    public required CivilStatus CivilStatus { get; init; }

    public required Religion Religion { get; init; }

    public required string Occupation { get; init; }

    public required Education Education { get; init; }

    public required BloodType BloodType { get; init; }

    public required string MotherName { get; init; }

    public required string FatherName { get; init; }

    public required FamilyRelation FamilyRelation { get; init; }

    public required Address Address { get; init; }

    public required string BirthCertificateNumber { get; init; }

    public DateOnly? MarriageDate { get; init; }

    public required RegistryStatus Status { get; init; }

    /// <summary>SATUSEHAT patient id (<c>P</c> and 11 digits).</summary>
    public required string HealthPatientId { get; init; }

    public PoliceRecord? PoliceRecord { get; init; }

    public IReadOnlyList<LicenceRecord> Licences { get; init; } = [];

    public LicenceTest? HealthCertificate { get; init; }

    public LicenceTest? PsychologyTest { get; init; }

    public PassportRecord? Passport { get; init; }

    /// <summary>Null when SATUSEHAT holds no record of this person.</summary>
    public HealthRecord? Health { get; init; }

    public int AgeOn(DateOnly date) =>
        date.Year - BirthDate.Year - (date < BirthDate.AddYears(date.Year - BirthDate.Year) ? 1 : 0);
}

/// <summary>How Dukcapil answers for a NIK.</summary>
public enum RegistryStatus
{
    Active,

    /// <summary>Response code 11 (Meninggal Dunia).</summary>
    Deceased,

    /// <summary>Response code 12 (Data Ganda).</summary>
    Duplicate,

    /// <summary>Response code 14 (Status Non Aktif).</summary>
    Inactive,

    /// <summary>Response code 13: the person exists elsewhere (health, police) but not in the registry.</summary>
    NotRegistered,
}

/// <summary>A criminal record that makes SKCK verification end in a rejection.</summary>
public sealed record PoliceRecord(string Offence, int Year, string CaseNumber);

/// <summary>A driving licence held by a citizen.</summary>
public sealed record LicenceRecord(string Number, LicenceClass Class, DateOnly IssuedOn, DateOnly ExpiresOn);

/// <summary>An e-Rikkes (health) or e-PPsi (psychology) certificate for a SIM application.</summary>
public sealed record LicenceTest(string CertificateNumber, bool Passed, DateOnly TakenOn, DateOnly ValidUntil);

/// <summary>A passport already issued to a citizen.</summary>
public sealed record PassportRecord(string Number, PassportKind Kind, DateOnly IssuedOn, DateOnly ExpiresOn, string OfficeCode);
