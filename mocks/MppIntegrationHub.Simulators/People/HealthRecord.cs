namespace MppIntegrationHub.Simulators.People;

/// <summary>What SATUSEHAT holds for one patient.</summary>
public sealed record HealthRecord(
    IReadOnlyList<HealthCondition> Conditions,
    IReadOnlyList<Immunization> Immunizations,
    IReadOnlyList<Allergy> Allergies,
    IReadOnlyList<Encounter> Encounters,
    IReadOnlyList<VitalSign> Observations);

/// <summary>A diagnosis coded in ICD-10.</summary>
public sealed record HealthCondition(string Id, string Icd10Code, string Display, DateOnly RecordedOn, bool Active);

/// <summary>A vaccination, coded in CVX.</summary>
public sealed record Immunization(string Id, string CvxCode, string Display, DateOnly GivenOn);

/// <summary>An allergy coded in SNOMED CT.</summary>
public sealed record Allergy(string Id, string SnomedCode, string Display, string Category);

/// <summary>An outpatient visit at a facility.</summary>
public sealed record Encounter(string Id, DateTimeOffset Start, DateTimeOffset End, string OrganizationId, string Reason);

/// <summary>A vital sign coded in LOINC, taken during an encounter.</summary>
public sealed record VitalSign(string Id, string EncounterId, string LoincCode, string Display, decimal Value, string Unit, DateTimeOffset TakenAt);
