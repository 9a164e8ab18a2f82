using MppIntegrationHub.Adapters.Tests.Dukcapil;
using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.Resilience;

[Collection(SimulatorsCollection.Name)]
public sealed class RetryPolicyTests(SimulatorsFixture fixture)
{
    private const string KtpPath = "/dukcapil/api/v1/penggantian-ktp";

    private readonly AgencySimulators _sims = fixture.Reset();

    [Fact]
    public async Task Write_WithIdempotencyKey_IsRetriedAndHappensOnce()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        _sims.Dukcapil.Faults.FailNext(2, 503);

        var created = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.PopulationDocumentRequest, KtpRequest(), new CallContext(IdempotencyKey: "step-ktp-1"));

        Assert.Equal(AgencyCaseStatus.Received, created.Status);
        Assert.Equal(3, _sims.Dukcapil.Requests.Count("POST", KtpPath));
    }

    [Fact]
    public async Task Write_WithoutIdempotencyKey_IsRefusedBeforeReachingTheAgency()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));

        var error = (await Assert.ThrowsAsync<AgencyException>(() => host.Invoker.InvokeAsync(
            CanonicalCapabilities.PopulationDocumentRequest, KtpRequest(), new CallContext()))).Error;

        Assert.Equal((AgencyErrorKind.InvalidRequest, "idempotency-key-required"), (error.Kind, error.Code));
        Assert.Equal(0, _sims.Dukcapil.Requests.Total);
    }

    [Fact]
    public async Task KillSwitch_RetriesOff_TriesTransientFailuresOnce()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        host.Registry.SetRetriesEnabled("dukcapil", false);
        _sims.Dukcapil.Faults.FailNext(10, 503);

        await Assert.ThrowsAsync<AgencyException>(() => host.Invoker.InvokeAsync(
            CanonicalCapabilities.IdentityVerify, DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]), new CallContext()));

        Assert.Equal(1, _sims.Dukcapil.Requests.Total);
        Assert.False(host.Registry.GetStatuses().Single(s => s.Agency == "dukcapil").RetriesEnabled);
    }

    private KtpReplacementRequest KtpRequest() => new()
    {
        Nik = _sims.Population[Personas.HappyPath].Nik,
        Reason = DocumentReplacementReason.Damaged,
        PickupRegion = "3273",
    };
}
