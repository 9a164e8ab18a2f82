using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Verification;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.Dukcapil;

[Collection(SimulatorsCollection.Name)]
public sealed class DukcapilAdapterTests(SimulatorsFixture fixture)
{
    private readonly AgencySimulators _sims = fixture.Reset();

    private Citizen HappyPath => _sims.Population[Personas.HappyPath];

    [Fact]
    public async Task IdentityVerify_AllElementsMatch_IsVerifiedWithScoresPerField()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var citizen = HappyPath;

        var result = await host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, FullRequest(citizen), new CallContext());

        Assert.Equal(VerificationDecision.Verified, result.Decision);
        Assert.Equal(
            ["address.district", "address.province", "address.regency", "address.rt", "address.rw", "address.street", "address.village",
             "birthDate", "birthPlace", "civilStatus", "fullName", "kkNumber", "motherName", "occupation", "sex"],
            result.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Fields.Values, v => Assert.True(v.Matches));
        Assert.Equal(100, result.Fields["fullName"].Score);
        Assert.Null(result.Fields["birthDate"].Score);
    }

    [Fact]
    public async Task IdentityVerify_WrongNameRightBirthDate_IsPartialMatchWithLowNameScore()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var citizen = HappyPath;

        var result = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.IdentityVerify,
            new IdentityVerificationRequest { Nik = citizen.Nik, FullName = "ZZZZ QQQQ XXXXXX", BirthDate = citizen.BirthDate },
            new CallContext());

        Assert.Equal(VerificationDecision.PartialMatch, result.Decision);
        Assert.False(result.Fields["fullName"].Matches);
        Assert.InRange(result.Fields["fullName"].Score!.Value, 0, 79);
        Assert.True(result.Fields["birthDate"].Matches);
    }

    [Fact]
    public async Task IdentityVerify_WithTheRegistryFace_IncludesAMatchedFace()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var citizen = HappyPath;
        var face = Convert.ToBase64String(SyntheticPopulation.ReferenceFace(citizen));

        var result = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.IdentityVerify,
            new IdentityVerificationRequest { Nik = citizen.Nik, FullName = citizen.FullName, FaceImage = face },
            new CallContext());

        Assert.Equal(VerificationDecision.Verified, result.Decision);
        Assert.True(result.Face!.Matched);
        Assert.InRange(result.Face.Score, 5m, 10m);
    }

    [Fact]
    public async Task FaceMatch_AnotherCitizensFace_IsNotMatched()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var other = _sims.Population[Personas.PassportHolder];

        var result = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.FaceMatch,
            new FaceMatchRequest { Nik = HappyPath.Nik, Image = Convert.ToBase64String(SyntheticPopulation.ReferenceFace(other)) },
            new CallContext());

        Assert.False(result.Matched);
        Assert.InRange(result.Score, 0m, 5m);
    }

    [Fact]
    public async Task PopulationProfile_HappyPath_MapsTheRegistryRecord()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var citizen = HappyPath;

        var profile = await host.Invoker.InvokeAsync(CanonicalCapabilities.PopulationProfile, new CitizenQuery(citizen.Nik), new CallContext());

        Assert.Equal(citizen.Nik, profile.Nik);
        Assert.Equal(citizen.Kk, profile.KkNumber);
        Assert.Equal(citizen.FullName, profile.FullName);
        Assert.Equal(citizen.BirthDate, profile.BirthDate);
        Assert.Equal(citizen.Sex, profile.Sex);
        Assert.Equal(citizen.CivilStatus, profile.CivilStatus);
        Assert.Equal(citizen.Religion, profile.Religion);
        Assert.Equal(citizen.Education, profile.Education);
        Assert.Equal(citizen.BloodType, profile.BloodType);
        Assert.Equal(citizen.MotherName, profile.MotherName);
        Assert.Equal(citizen.FamilyRelation, profile.FamilyRelation);
        Assert.Equal(citizen.Address.VillageCode, profile.Address!.VillageCode);
        Assert.Equal(citizen.Address.Rt, profile.Address.Rt);
        Assert.Equal(citizen.Address.Street, profile.Address.Street);
    }

    [Fact]
    public async Task PopulationDocument_RequestThenStatus_TracksTheReplacementCase()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var request = new KtpReplacementRequest
        {
            Nik = HappyPath.Nik,
            Reason = DocumentReplacementReason.Damaged,
            PickupRegion = "3273",
        };

        var created = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.PopulationDocumentRequest, request, new CallContext(IdempotencyKey: Guid.NewGuid().ToString()));
        var status = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.PopulationDocumentStatus, new AgencyCaseQuery(created.Reference), new CallContext());

        Assert.Equal(AgencyCaseStatus.Received, created.Status);
        Assert.Equal(created.Reference, status.Reference);
        Assert.False(status.IsFinal);
    }

    internal static IdentityVerificationRequest FullRequest(Citizen citizen) => new()
    {
        Nik = citizen.Nik,
        KkNumber = citizen.Kk,
        FullName = citizen.FullName,
        BirthPlace = citizen.BirthPlace,
        BirthDate = citizen.BirthDate,
        Sex = citizen.Sex,
        CivilStatus = citizen.CivilStatus,
        Occupation = citizen.Occupation,
        MotherName = citizen.MotherName,
        Address = citizen.Address,
    };
}
