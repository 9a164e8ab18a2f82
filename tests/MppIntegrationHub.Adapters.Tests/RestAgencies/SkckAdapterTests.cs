using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.RestAgencies;

[Collection(SimulatorsCollection.Name)]
public sealed class SkckAdapterTests(SimulatorsFixture fixture)
{
    private readonly AgencySimulators _sims = fixture.Reset();

    [Fact]
    public async Task PoliceClearanceSubmitThenStatus_PaidApplication_IsReceivedAndTracked()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));
        var citizen = _sims.Population[Personas.HappyPath];
        var ntpn = await Payments.PayAsync(host, _sims, citizen, 30_000);

        var submitted = await host.Invoker.InvokeAsync(CanonicalCapabilities.PoliceClearanceSubmit, Request(citizen, ntpn), new CallContext(IdempotencyKey: "skck-1"));
        var again = await host.Invoker.InvokeAsync(CanonicalCapabilities.PoliceClearanceSubmit, Request(citizen, ntpn), new CallContext(IdempotencyKey: "skck-1"));
        var status = await host.Invoker.InvokeAsync(CanonicalCapabilities.PoliceClearanceStatus, new AgencyCaseQuery(submitted.Reference), new CallContext());

        Assert.StartsWith("SKCK-3273-", submitted.Reference, StringComparison.Ordinal);
        Assert.Equal(AgencyCaseStatus.Received, submitted.Status);
        Assert.Equal(submitted.Reference, again.Reference);
        Assert.Equal(1, _sims.Skck.Writes.Duplicates);
        Assert.Equal((submitted.Reference, AgencyCaseStatus.Received), (status.Reference, status.Status));
    }

    [Fact]
    public async Task PoliceClearanceSubmit_UnpaidNtpn_IsInvalidRequestWithTheAgencyCode()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));

        var error = (await Assert.ThrowsAsync<AgencyException>(() => host.Invoker.InvokeAsync(
            CanonicalCapabilities.PoliceClearanceSubmit,
            Request(_sims.Population[Personas.HappyPath], "ABCDEFGHIJKLMNOP"),
            new CallContext(IdempotencyKey: "skck-unpaid")))).Error;

        Assert.Equal((AgencyErrorKind.InvalidRequest, "skck.pembayaran-tidak-valid"), (error.Kind, error.Code));
        Assert.DoesNotContain("NTPN", error.Message, StringComparison.Ordinal);
    }

    private static PoliceClearanceRequest Request(Citizen citizen, string ntpn) => new()
    {
        Nik = citizen.Nik,
        Purpose = "Melamar pekerjaan",
        OfficeLevel = PoliceOfficeLevel.Polres,
        OfficeRegion = "3273",
        PaymentProof = ntpn,
    };
}
