namespace MppIntegrationHub.Simulators.People;

/// <summary>SATUSEHAT-style clinical history: ICD-10 conditions, CVX vaccines, SNOMED allergies, LOINC vitals.</summary>
internal static class HealthRecords
{
    private static readonly (string Code, string Display)[] Conditions =
    [
        ("I10", "Essential (primary) hypertension"),
        ("E11.9", "Type 2 diabetes mellitus without complications"),
        ("J45.9", "Asthma, unspecified"),
        ("K29.7", "Gastritis, unspecified"),
        ("J06.9", "Acute upper respiratory infection, unspecified"),
        ("A09", "Diarrhoea and gastroenteritis of presumed infectious origin"),
        ("E78.5", "Hyperlipidaemia, unspecified"),
        ("M54.5", "Low back pain"),
        ("A15.0", "Tuberculosis of lung, confirmed by sputum microscopy"),
        ("N39.0", "Urinary tract infection, site not specified"),
    ];

    private static readonly (string Code, string Display)[] Vaccines =
    [
        ("19", "BCG"),
        ("08", "Hep B, adolescent or pediatric"),
        ("10", "IPV"),
        ("03", "MMR"),
        ("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose"),
        ("115", "Tdap"),
        ("88", "Influenza, unspecified formulation"),
    ];

    private static readonly (string Code, string Display, string Category)[] Allergens =
    [
        ("91936005", "Allergy to penicillin", "medication"),
        ("294505008", "Allergy to amoxicillin", "medication"),
        ("91935009", "Allergy to peanut", "food"),
        ("300913006", "Shellfish allergy", "food"),
        ("232350006", "House dust mite allergy", "environment"),
    ];

    private static readonly (string Code, string Display, string Unit, int Low, int High)[] Vitals =
    [
        ("8867-4", "Heart rate", "/min", 60, 100),
        ("8480-6", "Systolic blood pressure", "mm[Hg]", 100, 160),
        ("8462-4", "Diastolic blood pressure", "mm[Hg]", 60, 100),
        ("29463-7", "Body weight", "kg", 45, 95),
    ];

    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static HealthRecord Generate(Random random, DateOnly birthDate, DateOnly today)
    {
        var lived = Math.Max(1, today.DayNumber - birthDate.DayNumber);
        DateOnly SomeDay() => birthDate.AddDays(random.Next(lived));

        var conditions = Enumerable.Range(0, random.Next(4))
            .Select(_ => random.Pick(Conditions))
            .DistinctBy(c => c.Code)
            .Select(c => new HealthCondition(random.Uuid().ToString(), c.Code, c.Display, SomeDay(), random.Chance(0.6)))
            .ToArray();
        var immunizations = Enumerable.Range(0, 1 + random.Next(4))
            .Select(_ => random.Pick(Vaccines))
            .DistinctBy(v => v.Code)
            .Select(v => new Immunization(random.Uuid().ToString(), v.Code, v.Display, SomeDay()))
            .ToArray();
        var allergies = Enumerable.Range(0, random.Chance(0.25) ? 1 + random.Next(2) : 0)
            .Select(_ => random.Pick(Allergens))
            .DistinctBy(a => a.Code)
            .Select(a => new Allergy(random.Uuid().ToString(), a.Code, a.Display, a.Category))
            .ToArray();
        var encounters = new List<Encounter>();
        var observations = new List<VitalSign>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var start = new DateTimeOffset(today.AddDays(-random.Next(1, 1500)).ToDateTime(new TimeOnly(8 + random.Next(8), random.Next(60))), Wib);
            var encounter = new Encounter(random.Uuid().ToString(), start, start.AddMinutes(15 + random.Next(45)),
                $"10000{random.Next(1000, 9999)}", random.Pick(Conditions).Display);
            encounters.Add(encounter);
            foreach (var vital in Vitals)
            {
                observations.Add(new VitalSign(random.Uuid().ToString(), encounter.Id, vital.Code, vital.Display,
                    random.Next(vital.Low, vital.High + 1), vital.Unit, start.AddMinutes(5)));
            }
        }

        return new HealthRecord(conditions, immunizations, allergies, encounters, observations);
    }
}
