using System.Globalization;
using Hl7.Fhir.Model;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Simulators.People;
using FhirAddress = Hl7.Fhir.Model.Address;
using FhirEncounter = Hl7.Fhir.Model.Encounter;
using FhirImmunization = Hl7.Fhir.Model.Immunization;

namespace MppIntegrationHub.Simulators.SatuSehat;

/// <summary>A citizen's SATUSEHAT resources, with the Kemkes identifier systems and extensions.</summary>
internal static class FhirResources
{
    public const string NikSystem = "https://fhir.kemkes.go.id/id/nik";
    public const string MaskedNik = "################";
    private const string Kemkes = "https://fhir.kemkes.go.id/r4/StructureDefinition/";

    public static Patient Patient(Citizen citizen)
    {
        var village = citizen.Address.VillageCode.ToString();
        return new Patient
        {
            Id = citizen.HealthPatientId,
            Meta = new Meta { Profile = [$"{Kemkes}Patient"] },
            Identifier =
            [
                new Identifier(NikSystem, MaskedNik) { Use = Identifier.IdentifierUse.Official },
                new Identifier("https://fhir.kemkes.go.id/id/ihs-number", citizen.HealthPatientId),
            ],
            Active = true,
            Name = [new HumanName { Use = HumanName.NameUse.Official, Text = citizen.FullName }],
            Gender = citizen.Sex == Contracts.Identity.Sex.Male ? AdministrativeGender.Male : AdministrativeGender.Female,
            BirthDate = citizen.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Deceased = new FhirBoolean(citizen.Status == RegistryStatus.Deceased),
            Address =
            [
                new FhirAddress
                {
                    Use = FhirAddress.AddressUse.Home,
                    Line = [citizen.Address.Street],
                    City = citizen.BirthPlace,
                    PostalCode = citizen.Address.PostalCode,
                    Country = "ID",
                    Extension =
                    [
                        new Extension
                        {
                            Url = $"{Kemkes}administrativeCode",
                            Extension =
                            [
                                new Extension("province", new Code(village[..2])),
                                new Extension("city", new Code(village[..4])),
                                new Extension("district", new Code(village[..6])),
                                new Extension("village", new Code(village)),
                                new Extension("rt", new Code(citizen.Address.Rt)),
                                new Extension("rw", new Code(citizen.Address.Rw)),
                            ],
                        },
                    ],
                },
            ],
            MaritalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", citizen.CivilStatus switch
            {
                CivilStatus.Married => "M",
                CivilStatus.Divorced => "D",
                CivilStatus.Widowed => "W",
                _ => "S",
            }),
            Extension =
            [
                new Extension($"{Kemkes}birthPlace", new FhirAddress { City = citizen.BirthPlace, Country = "ID" }),
                new Extension($"{Kemkes}citizenshipStatus", new Code("WNI")),
            ],
        };
    }

    public static IEnumerable<Resource> Conditions(Citizen citizen) => citizen.Health!.Conditions.Select(c => new Condition
    {
        Id = c.Id,
        ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", c.Active ? "active" : "resolved"),
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis")],
        Code = new CodeableConcept("http://hl7.org/fhir/sid/icd-10", c.Icd10Code, c.Display, null),
        Subject = Subject(citizen),
        RecordedDate = Date(c.RecordedOn),
    });

    public static IEnumerable<Resource> Immunizations(Citizen citizen) => citizen.Health!.Immunizations.Select(i => new FhirImmunization
    {
        Id = i.Id,
        Status = FhirImmunization.ImmunizationStatusCodes.Completed,
        VaccineCode = new CodeableConcept("http://hl7.org/fhir/sid/cvx", i.CvxCode, i.Display, null),
        Patient = Subject(citizen),
        Occurrence = new FhirDateTime(Date(i.GivenOn)),
    });

    public static IEnumerable<Resource> Allergies(Citizen citizen) => citizen.Health!.Allergies.Select(a => new AllergyIntolerance
    {
        Id = a.Id,
        ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"),
        VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed"),
        Category = [a.Category switch
        {
            "medication" => AllergyIntolerance.AllergyIntoleranceCategory.Medication,
            "food" => AllergyIntolerance.AllergyIntoleranceCategory.Food,
            _ => AllergyIntolerance.AllergyIntoleranceCategory.Environment,
        }],
        Code = new CodeableConcept("http://snomed.info/sct", a.SnomedCode, a.Display, null),
        Patient = Subject(citizen),
    });

    public static IEnumerable<Resource> Encounters(Citizen citizen) => citizen.Health!.Encounters.Select(e => new FhirEncounter
    {
        Id = e.Id,
        Identifier = [new Identifier($"http://sys-ids.kemkes.go.id/encounter/{e.OrganizationId}", e.Id)],
        Status = FhirEncounter.EncounterStatus.Finished,
        Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"),
        Subject = Subject(citizen),
        Period = new Period(new FhirDateTime(e.Start), new FhirDateTime(e.End)),
        ReasonCode = [new CodeableConcept { Text = e.Reason }],
        ServiceProvider = new ResourceReference($"Organization/{e.OrganizationId}"),
    });

    public static IEnumerable<Resource> Observations(Citizen citizen) => citizen.Health!.Observations.Select(o => new Observation
    {
        Id = o.Id,
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs")],
        Code = new CodeableConcept("http://loinc.org", o.LoincCode, o.Display, null),
        Subject = Subject(citizen),
        Encounter = new ResourceReference($"Encounter/{o.EncounterId}"),
        Effective = new FhirDateTime(o.TakenAt),
        Value = new Quantity(o.Value, o.Unit, "http://unitsofmeasure.org"),
    });

    private static ResourceReference Subject(Citizen citizen) => new($"Patient/{citizen.HealthPatientId}", citizen.FullName);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
