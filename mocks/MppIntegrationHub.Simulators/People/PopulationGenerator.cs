using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Simulators.People;

/// <summary>
/// Builds a synthetic population from a seed: the personas first (fixed, independent of the seed), then families
/// (head, spouse, children sharing a KK and an address in a real village) until the requested size.
/// </summary>
public static class PopulationGenerator
{
    private const int ProgressStep = 10_000;

    /// <param name="seed">Same seed, same size, same date: same population, byte for byte.</param>
    /// <param name="size">Citizens in total, personas included.</param>
    /// <param name="today">The reference date licence expiries and ages are drawn around.</param>
    /// <param name="progress">Receives the number of citizens generated so far, every 10,000.</param>
    public static SyntheticPopulation Generate(int seed, int size, DateOnly today, IProgress<int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var citizens = new List<Citizen>(Math.Max(size, PersonaCatalogue.Count));
        citizens.AddRange(PersonaCatalogue.Build(today));
        var families = new FamilyFactory(new Random(seed), today, citizens.Count);
        var nextReport = ProgressStep;
        while (citizens.Count < size)
        {
            foreach (var member in families.Next())
            {
                if (citizens.Count == size)
                {
                    break;
                }

                citizens.Add(member);
            }

            if (citizens.Count >= nextReport)
            {
                progress?.Report(citizens.Count);
                nextReport += ProgressStep;
            }
        }

        progress?.Report(citizens.Count);
        return new SyntheticPopulation(seed, today, citizens);
    }

    private sealed class FamilyFactory(Random random, DateOnly today, int firstOrdinal)
    {
        private readonly CitizenNumbers _numbers = new(today);
        private int _ordinal = firstOrdinal;

        public IEnumerable<Citizen> Next()
        {
            var village = random.Pick(Villages.All);
            var district = village.Parent!.Code;
            var headAge = random.Next(20, 75);
            var headSex = random.Chance(0.85) ? Sex.Male : Sex.Female;
            var married = random.Chance(0.75);
            var kk = _numbers.NextKk(district, today.AddDays(-random.Next(30, Math.Min(headAge - 18, 20) * 365)));
            var home = new Address
            {
                Street = $"{random.Pick(NameBank.Streets)} NO. {random.Next(1, 200)}",
                Rt = random.Next(1, 16).ToString("D3", null),
                Rw = random.Next(1, 11).ToString("D3", null),
                VillageCode = village.Code,
                PostalCode = Villages.PostalCodeOf(village),
            };
            var family = new FamilyContext(village, district, kk, home);
            var head = Member(family, headSex, BirthDate(headAge), FamilyRelation.Head,
                married ? CivilStatus.Married : random.Pick([CivilStatus.Unmarried, CivilStatus.Divorced, CivilStatus.Widowed]),
                random.Name(Sex.Female), random.Name(Sex.Male));
            yield return head;
            if (!married)
            {
                yield break;
            }

            var spouseSex = headSex == Sex.Male ? Sex.Female : Sex.Male;
            var spouseAge = Math.Max(18, headAge + random.Next(-6, 4));
            var spouse = Member(family, spouseSex, BirthDate(spouseAge), headSex == Sex.Male ? FamilyRelation.Wife : FamilyRelation.Husband,
                CivilStatus.Married, random.Name(Sex.Female), random.Name(Sex.Male));
            yield return spouse;
            var (mother, father) = headSex == Sex.Female ? (head, spouse) : (spouse, head);
            var youngestParent = Math.Min(headAge, spouseAge);
            for (var children = random.Next(0, 4); children > 0; children--)
            {
                var age = random.Next(0, Math.Max(1, youngestParent - 18));
                var sex = random.Chance(0.5) ? Sex.Male : Sex.Female;
                yield return Member(family, sex, BirthDate(age), FamilyRelation.Child, CivilStatus.Unmarried, mother.FullName, father.FullName);
            }
        }

        private Citizen Member(FamilyContext family, Sex sex, DateOnly birthDate, FamilyRelation relation, CivilStatus civilStatus, string motherName, string fatherName)
        {
            var ordinal = _ordinal++;
            var age = today.Year - birthDate.Year;
            var adult = age >= 17;
            var licences = age >= 17 && random.Chance(EdgeCaseRates.LicenceHolder)
                ? AgencyRecords.Licences(random, today, age, ordinal)
                : [];
            var tests = licences.Count > 0 && random.Chance(EdgeCaseRates.LicenceTests);
            var testDate = today.AddDays(-random.Next(1, 60));
            return new Citizen
            {
                Nik = _numbers.NextNik(family.District, birthDate, sex),
                Kk = family.Kk,
                FullName = random.Name(sex),
                BirthPlace = Villages.BirthPlaceOf(family.Village),
                BirthDate = birthDate,
                Sex = sex,
                CivilStatus = civilStatus,
                Religion = random.Religion(),
                Occupation = random.Occupation(age),
                Education = random.Education(age),
                BloodType = random.BloodType(),
                MotherName = motherName,
                FatherName = fatherName,
                FamilyRelation = relation,
                Address = family.Home,
                BirthCertificateNumber = $"{family.District.ToString()[..4]}-LT-{birthDate:ddMMyyyy}-{ordinal % 100_000:D5}",
                MarriageDate = civilStatus == CivilStatus.Married ? Min(birthDate.AddYears(random.Next(20, 30)), today.AddYears(-1)) : null,
                Status = RegistryStatusDraw(),
                HealthPatientId = $"P{20_000_000_000L + ((long)ordinal * 1_000) + random.Next(1_000):D11}",
                PoliceRecord = adult && random.Chance(EdgeCaseRates.PoliceRecord) ? AgencyRecords.Police(random, today, ordinal) : null,
                Licences = licences,
                HealthCertificate = tests ? AgencyRecords.Test("RIKKES", testDate, random.Chance(0.9), ordinal) : null,
                PsychologyTest = tests ? AgencyRecords.Test("PPSI", testDate, random.Chance(0.9), ordinal) : null,
                Passport = adult && random.Chance(EdgeCaseRates.PassportHolder) ? AgencyRecords.Passport(random, today, ordinal) : null,
                Health = random.Chance(EdgeCaseRates.HealthRecord) ? HealthRecords.Generate(random, birthDate, today) : null,
            };
        }

        private RegistryStatus RegistryStatusDraw() => random.NextDouble() switch
        {
            < EdgeCaseRates.Deceased => RegistryStatus.Deceased,
            < EdgeCaseRates.Deceased + EdgeCaseRates.Duplicate => RegistryStatus.Duplicate,
            < EdgeCaseRates.Deceased + EdgeCaseRates.Duplicate + EdgeCaseRates.Inactive => RegistryStatus.Inactive,
            < EdgeCaseRates.Deceased + EdgeCaseRates.Duplicate + EdgeCaseRates.Inactive + EdgeCaseRates.NotRegistered => RegistryStatus.NotRegistered,
            _ => RegistryStatus.Active,
        };

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private DateOnly BirthDate(int age) => today.AddYears(-age).AddDays(-random.Next(1, 365));
    }

    private sealed record FamilyContext(Region Village, RegionCode District, KkNumber Kk, Address Home);
}
