using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Simulators.People;

/// <summary>The personas as citizens: fixed data, with licence and test dates placed relative to the reference date.</summary>
internal static class PersonaCatalogue
{
    private static readonly RegionCode Dago = RegionCode.Parse("3273021004");

    public static int Count => Personas.All.Count;

    public static IReadOnlyList<Citizen> Build(DateOnly today)
    {
        var passedTests = (Func<int, (LicenceTest, LicenceTest)>)(i =>
            (AgencyRecords.Test("RIKKES", today.AddDays(-7), true, 9000 + i), AgencyRecords.Test("PPSI", today.AddDays(-7), true, 9000 + i)));
        var happyKk = Kk(today, 9001);
        var citizens = new List<Citizen>(Count);
        for (var i = 0; i < Count; i++)
        {
            var persona = Personas.All[i];
            var citizen = Base(persona, i, today);
            var (rikkes, ppsi) = passedTests(i);
            citizens.Add(persona.Name switch
            {
                "happy-path" => citizen with
                {
                    FullName = "ANDI PRATAMA",
                    Kk = happyKk,
                    CivilStatus = CivilStatus.Married,
                    MarriageDate = new DateOnly(2016, 2, 14),
                    Licences = [AgencyRecords.Licence(LicenceClass.C, today.AddDays(45), 9000 + i, 3273)],
                    HealthCertificate = rikkes,
                    PsychologyTest = ppsi,
                },
                "happy-path-spouse" => citizen with
                {
                    FullName = "SITI RAHAYU",
                    Kk = happyKk,
                    FamilyRelation = FamilyRelation.Wife,
                    CivilStatus = CivilStatus.Married,
                    MarriageDate = new DateOnly(2016, 2, 14),
                    Occupation = "MENGURUS RUMAH TANGGA",
                },
                "happy-path-child" => citizen with
                {
                    FullName = "RIZKY PRATAMA",
                    Kk = happyKk,
                    FamilyRelation = FamilyRelation.Child,
                    CivilStatus = CivilStatus.Unmarried,
                    MotherName = "SITI RAHAYU",
                    FatherName = "ANDI PRATAMA",
                    Occupation = NameBank.Student,
                    Education = Education.PrimaryIncomplete,
                },
                "deceased" => citizen with { Status = RegistryStatus.Deceased, Occupation = NameBank.Retired },
                "duplicate" => citizen with { Status = RegistryStatus.Duplicate },
                "inactive" => citizen with { Status = RegistryStatus.Inactive },
                "not-registered" => citizen with { Status = RegistryStatus.NotRegistered, Health = null },
                "criminal-record" => citizen with { PoliceRecord = new PoliceRecord(NameBank.Offences[0], today.Year - 3, "LP/123/IV/2023") },
                "expired-licence" => citizen with { Licences = [AgencyRecords.Licence(LicenceClass.C, today.AddDays(-40), 9000 + i, 3273)] },
                "licence-due-for-renewal" => citizen with
                {
                    Licences = [AgencyRecords.Licence(LicenceClass.A, today.AddDays(30), 9000 + i, 3273)],
                    HealthCertificate = rikkes,
                    PsychologyTest = ppsi,
                },
                "licence-valid" => citizen with
                {
                    Licences = [AgencyRecords.Licence(LicenceClass.A, today.AddYears(2), 9000 + i, 3273)],
                    HealthCertificate = rikkes,
                    PsychologyTest = ppsi,
                },
                "no-health-record" => citizen with { Health = null },
                "failed-erikkes" => citizen with
                {
                    Licences = [AgencyRecords.Licence(LicenceClass.C, today.AddDays(20), 9000 + i, 3273)],
                    HealthCertificate = rikkes with { Passed = false },
                    PsychologyTest = ppsi,
                },
                "failed-eppsi" => citizen with
                {
                    Licences = [AgencyRecords.Licence(LicenceClass.A, today.AddDays(20), 9000 + i, 3273)],
                    HealthCertificate = rikkes,
                    PsychologyTest = ppsi with { Passed = false },
                },
                "passport-holder" => citizen with
                {
                    Passport = new PassportRecord("E9000013", PassportKind.Electronic, today.AddYears(-3), today.AddYears(7), "KANIM-BDG"),
                },
                "minor" => citizen with { Occupation = NameBank.Student, Education = Education.Primary, CivilStatus = CivilStatus.Unmarried },
                _ => citizen,
            });
        }

        return citizens;
    }

    private static Citizen Base(Persona persona, int index, DateOnly today)
    {
        var nik = Nik.Parse(persona.Nik, today);
        var random = new Random(7_919 + index);
        var age = today.Year - nik.BirthDate.Year;
        return new Citizen
        {
            Nik = nik,
            Kk = Kk(today, 9100 + index),
            FullName = random.Name(nik.Sex),
            BirthPlace = "BANDUNG",
            BirthDate = nik.BirthDate,
            Sex = nik.Sex,
            CivilStatus = CivilStatus.Unmarried,
            Religion = Religion.Islam,
            Occupation = random.Occupation(age),
            Education = random.Education(age),
            BloodType = random.BloodType(),
            MotherName = random.Name(Sex.Female),
            FatherName = random.Name(Sex.Male),
            FamilyRelation = FamilyRelation.Head,
            Address = new Address
            {
                Street = $"JL. IR. H. DJUANDA NO. {100 + index}",
                Rt = "003",
                Rw = "007",
                VillageCode = Dago,
                PostalCode = "40135",
            },
            BirthCertificateNumber = $"3273-LT-{nik.BirthDate:ddMMyyyy}-{9000 + index:D5}",
            Status = RegistryStatus.Active,
            HealthPatientId = $"P{90_000_000_000L + index:D11}",
            Health = HealthRecords.Generate(random, nik.BirthDate, today),
        };
    }

    private static KkNumber Kk(DateOnly today, int serial) => KkNumber.Parse($"327302010120{serial:D4}", today);
}
