using System.Diagnostics;
using System.Text.Json;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Simulators.Tests;

public class PopulationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Generate_SameSeedTwice_SameFingerprint()
    {
        var first = PopulationGenerator.Generate(7, 2_000, Today);
        var second = PopulationGenerator.Generate(7, 2_000, Today);

        Assert.Equal(first.Fingerprint(), second.Fingerprint());
        Assert.NotEqual(first.Fingerprint(), PopulationGenerator.Generate(8, 2_000, Today).Fingerprint());
    }

    [Fact]
    public void Generate_HundredThousand_FastAndEveryNikValid()
    {
        var reports = new List<int>();
        var watch = Stopwatch.StartNew();

        var population = PopulationGenerator.Generate(42, 100_000, Today, new SynchronousProgress(reports));

        watch.Stop();
        Assert.Equal(100_000, population.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Contains(100_000, reports);
        Assert.Equal(population.Count, population.Citizens.Select(c => c.Nik).Distinct().Count());
        Assert.Equal(population.Count, population.Citizens.Select(c => c.HealthPatientId).Distinct().Count());
        Assert.All(population.Citizens, c =>
        {
            Assert.True(Nik.TryParse(c.Nik.Value, Today, out var nik, out var error), error?.Message);
            Assert.True(nik.IsDistrictListed);
            Assert.Equal(c.BirthDate, nik.BirthDate);
            Assert.Equal(c.Sex, nik.Sex);
            Assert.True(KkNumber.TryParse(c.Kk.Value, Today, out _, out _));
            Assert.True(c.Address.VillageCode.IsKnown);
        });
    }

    [Fact]
    public void Generate_EdgeCases_AtDocumentedRates()
    {
        var population = PopulationGenerator.Generate(3, 50_000, Today);

        double Share(RegistryStatus status) => population.Citizens.Count(c => c.Status == status) / (double)population.Count;
        Assert.InRange(Share(RegistryStatus.Deceased), EdgeCaseRates.Deceased * 0.7, EdgeCaseRates.Deceased * 1.3);
        Assert.InRange(Share(RegistryStatus.Duplicate), EdgeCaseRates.Duplicate * 0.6, EdgeCaseRates.Duplicate * 1.4);
        Assert.InRange(Share(RegistryStatus.Inactive), EdgeCaseRates.Inactive * 0.7, EdgeCaseRates.Inactive * 1.3);
        Assert.InRange(Share(RegistryStatus.NotRegistered), EdgeCaseRates.NotRegistered * 0.6, EdgeCaseRates.NotRegistered * 1.4);
        var licences = population.Citizens.SelectMany(c => c.Licences).ToList();
        Assert.Contains(licences, l => l.ExpiresOn < Today);
        Assert.Contains(licences, l => l.ExpiresOn >= Today && l.ExpiresOn <= Today.AddDays(90));
        Assert.Contains(licences, l => l.ExpiresOn > Today.AddDays(90));
        Assert.Contains(population.Citizens, c => c.PoliceRecord is not null);
        Assert.Contains(population.Citizens, c => c.Passport is not null);
        Assert.Contains(population.Citizens, c => c.Health is { Conditions.Count: > 0 });
    }

    [Fact]
    public void Generate_Families_ShareKkAndAddress()
    {
        var population = PopulationGenerator.Generate(5, 5_000, Today);

        var families = population.Citizens.Skip(Personas.All.Count).GroupBy(c => c.Kk).ToList();
        Assert.Contains(families, f => f.Count() >= 3);
        Assert.All(families, f =>
        {
            Assert.Single(f, c => c.FamilyRelation == Contracts.Citizens.FamilyRelation.Head);
            Assert.Single(f.Select(c => c.Address).Distinct());
        });
    }

    [Fact]
    public void Personas_AnySeedAndSize_PresentWithStableNiks()
    {
        var small = PopulationGenerator.Generate(1, 10, Today);
        var other = PopulationGenerator.Generate(99, 3_000, Today);

        Assert.All(Personas.All, p =>
        {
            Assert.Equal(p.Nik, small[p].Nik.Value);
            Assert.Equal(JsonSerializer.Serialize(small[p], HubJson.Options), JsonSerializer.Serialize(other[p], HubJson.Options));
        });
        Assert.Equal(RegistryStatus.Deceased, small[Personas.Deceased].Status);
        Assert.Null(small[Personas.NoHealthRecord].Health);
        Assert.NotNull(small[Personas.CriminalRecord].PoliceRecord);
    }

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
