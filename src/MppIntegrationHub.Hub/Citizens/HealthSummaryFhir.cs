using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using MppIntegrationHub.Contracts.Health;

namespace MppIntegrationHub.Hub.Citizens;

/// <summary>The health summary as a FHIR R4 collection Bundle, serialised by the Firely SDK, for portals that speak FHIR.</summary>
public static class HealthSummaryFhir
{
    public const string MediaType = "application/fhir+json";
    private const string NikSystem = "https://fhir.kemkes.go.id/id/nik";
    private const string Icd10System = "http://hl7.org/fhir/sid/icd-10";
    private const string LoincSystem = "http://loinc.org";
    private const string ClinicalStatusSystem = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string AllergyStatusSystem = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    private const string ActCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static readonly JsonSerializerOptions FhirJson = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static bool IsRequested(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.Any(a => a is not null && a.Contains(MediaType, StringComparison.OrdinalIgnoreCase));
    }

    public static IResult Result(HealthSummary summary) =>
        TypedResults.Text(JsonSerializer.Serialize(ToBundle(summary), FhirJson), MediaType);

    public static Bundle ToBundle(HealthSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var patientReference = new ResourceReference($"Patient/{summary.PatientId}");
        var resources = new List<Resource>
        {
            new Patient { Id = summary.PatientId, Identifier = [new Identifier(NikSystem, summary.Nik.Value)] },
        };
        resources.AddRange(summary.Conditions.Select(c => new Condition
        {
            Subject = patientReference,
            Code = new CodeableConcept(Icd10System, c.Icd10Code, c.Display),
            ClinicalStatus = new CodeableConcept(ClinicalStatusSystem, c.ClinicalStatus),
            RecordedDate = c.RecordedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
        resources.AddRange(summary.Immunizations.Select(i => new Hl7.Fhir.Model.Immunization
        {
            Patient = patientReference,
            VaccineCode = new CodeableConcept(null, i.VaccineCode, i.Display),
            Occurrence = new FhirDateTime(i.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Status = Enum.TryParse<Hl7.Fhir.Model.Immunization.ImmunizationStatusCodes>(i.Status, ignoreCase: true, out var status)
                ? status : Hl7.Fhir.Model.Immunization.ImmunizationStatusCodes.Completed,
        }));
        resources.AddRange(summary.Allergies.Select(a => new AllergyIntolerance
        {
            Patient = patientReference,
            Code = new CodeableConcept(null, a.Code, a.Display),
            ClinicalStatus = new CodeableConcept(AllergyStatusSystem, a.ClinicalStatus),
            Criticality = Enum.TryParse<AllergyIntolerance.AllergyIntoleranceCriticality>(a.Criticality, ignoreCase: true, out var criticality)
                ? criticality : null,
        }));
        resources.AddRange(summary.Observations.Select(o => new Observation
        {
            Subject = patientReference,
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(LoincSystem, o.LoincCode, o.Display),
            Effective = new FhirDateTime(o.EffectiveAt),
            Value = o.Value is { } value ? new Quantity(value, o.Unit ?? string.Empty) : null,
        }));
        resources.AddRange(summary.Encounters.Select(e => new Hl7.Fhir.Model.Encounter
        {
            Id = e.Id,
            Subject = patientReference,
            Class = new Coding(ActCodeSystem, e.Class),
            Status = Enum.TryParse<Hl7.Fhir.Model.Encounter.EncounterStatus>(e.Status.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var status)
                ? status : Hl7.Fhir.Model.Encounter.EncounterStatus.Unknown,
            Period = new Period(new FhirDateTime(e.Start), e.End is { } end ? new FhirDateTime(end) : null),
            ServiceProvider = e.Organization is null ? null : new ResourceReference { Display = e.Organization },
        }));
        return new Bundle
        {
            Type = Bundle.BundleType.Collection,
            Entry = [.. resources.Select(r => new Bundle.EntryComponent { Resource = r })],
        };
    }
}
