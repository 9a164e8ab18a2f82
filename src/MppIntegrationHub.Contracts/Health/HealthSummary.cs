using System.ComponentModel;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Health;

[Description("A citizen's health summary from SATUSEHAT, mapped from FHIR R4 into the hub's own shape.")]
public sealed record HealthSummary
{
    public required Nik Nik { get; init; }

    [Description("SATUSEHAT patient id (IHS number), e.g. P02478375538.")]
    public required string PatientId { get; init; }

    public IReadOnlyList<HealthCondition> Conditions { get; init; } = [];

    public IReadOnlyList<Immunization> Immunizations { get; init; } = [];

    public IReadOnlyList<Allergy> Allergies { get; init; } = [];

    public IReadOnlyList<HealthObservation> Observations { get; init; } = [];

    public IReadOnlyList<Encounter> Encounters { get; init; } = [];
}

[Description("A diagnosis coded in ICD-10.")]
public sealed record HealthCondition(
    [property: Description("ICD-10 code, e.g. E11.9.")] string Icd10Code,
    string Display,
    [property: Description("active, resolved, ...")] string ClinicalStatus,
    DateOnly? RecordedOn = null);

public sealed record Immunization(string VaccineCode, string Display, DateOnly OccurredOn, string Status);

public sealed record Allergy(string Code, string Display, string ClinicalStatus, string? Criticality = null);

public sealed record HealthObservation(string LoincCode, string Display, DateTimeOffset EffectiveAt, decimal? Value = null, string? Unit = null);

public sealed record Encounter(string Id, string Class, string Status, DateTimeOffset Start, DateTimeOffset? End = null, string? Organization = null);
