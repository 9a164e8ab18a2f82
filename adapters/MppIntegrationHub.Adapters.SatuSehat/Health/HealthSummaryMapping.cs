using System.Globalization;
using Hl7.Fhir.Model;
using MppIntegrationHub.Contracts.Health;
using MppIntegrationHub.Contracts.Identity;
using FhirEncounter = Hl7.Fhir.Model.Encounter;
using FhirImmunization = Hl7.Fhir.Model.Immunization;
using HubAllergy = MppIntegrationHub.Contracts.Health.Allergy;
using HubEncounter = MppIntegrationHub.Contracts.Health.Encounter;
using HubImmunization = MppIntegrationHub.Contracts.Health.Immunization;

namespace MppIntegrationHub.Adapters.SatuSehat.Health;

/// <summary>FHIR R4 resources as the hub's <see cref="HealthSummary"/>; codes are read from their coding systems.</summary>
public static class HealthSummaryMapping
{
    private const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    private const string Loinc = "http://loinc.org";

    public static HealthSummary Map(
        Nik nik,
        string patientId,
        IEnumerable<Condition> conditions,
        IEnumerable<FhirImmunization> immunizations,
        IEnumerable<AllergyIntolerance> allergies,
        IEnumerable<Observation> observations,
        IEnumerable<FhirEncounter> encounters) => new()
        {
            Nik = nik,
            PatientId = patientId,
            Conditions = [.. conditions.Select(c => new HealthCondition(
                Code(c.Code, Icd10), Display(c.Code), Code(c.ClinicalStatus), Date(c.RecordedDate)))],
            Immunizations = [.. immunizations.Select(i => new HubImmunization(
                Code(i.VaccineCode), Display(i.VaccineCode),
                Date((i.Occurrence as FhirDateTime)?.Value) ?? throw new FormatException("An immunization has no date."),
                Literal(i.StatusElement)))],
            Allergies = [.. allergies.Select(a => new HubAllergy(
                Code(a.Code), Display(a.Code), Code(a.ClinicalStatus), Criticality: a.CriticalityElement is { } criticality ? Literal(criticality) : null))],
            Observations = [.. observations.Select(o => new HealthObservation(
                Code(o.Code, Loinc),
                Display(o.Code),
                Instant((o.Effective as FhirDateTime)?.Value) ?? throw new FormatException("An observation has no time."),
                Value: (o.Value as Quantity)?.Value,
                Unit: (o.Value as Quantity)?.Unit))],
            Encounters = [.. encounters.Select(e => new HubEncounter(
                e.Id ?? throw new FormatException("An encounter has no id."), e.Class?.Code ?? "unknown", Literal(e.StatusElement),
                Instant(e.Period?.Start) ?? throw new FormatException("An encounter has no start."), Instant(e.Period?.End),
                e.ServiceProvider?.Reference))],
        };

    private static string Code(CodeableConcept? concept, string? system = null) =>
        concept?.Coding.FirstOrDefault(c => system is null || c.System == system)?.Code
            ?? throw new FormatException("SATUSEHAT sent a resource without the expected code.");

    private static string Display(CodeableConcept? concept) => concept?.Coding.FirstOrDefault()?.Display ?? concept?.Text ?? string.Empty;

    /// <summary>The code as sent, including values outside FHIR's value set (kept by recoverable parsing).</summary>
    private static string Literal(PrimitiveType? element) => element?.JsonValue as string ?? "unknown";

    private static DateOnly? Date(string? value) =>
        value is null ? null : DateOnly.FromDateTime(DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).Date);

    private static DateTimeOffset? Instant(string? value) =>
        value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
