using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.RestAgencies;

[Collection(SimulatorsCollection.Name)]
public sealed class BillingAdapterTests(SimulatorsFixture fixture)
{
    private readonly AgencySimulators _sims = fixture.Reset();

    [Fact]
    public async Task BillingCreateThenStatus_AfterBankPayment_IsPaidWithNtpn()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));
        var citizen = _sims.Population[Personas.HappyPath];
        var request = new BillingRequest
        {
            PayerNik = citizen.Nik,
            PayerName = citizen.FullName,
            ServiceCode = "SKCK_NEW",
            Amount = 30_000,
            AgencyCode = "060",
            AccountCode = "425151",
            ValidFor = TimeSpan.FromHours(2),
        };

        var created = await host.Invoker.InvokeAsync(CanonicalCapabilities.BillingCreate, request, new CallContext(IdempotencyKey: "bill-1"));
        var ntpn = await Payments.PayAsync(host, _sims, citizen, 30_000);

        Assert.Equal((BillingStatus.Unpaid, 30_000L, 15), (created.Status, created.Amount, created.BillingCode.Length));
        Assert.Equal(TimeSpan.FromHours(2), created.ExpiresAt - created.CreatedAt);
        Assert.Matches("^[A-Z0-9]{16}$", ntpn);
    }

    [Fact]
    public async Task BillingCreate_SameIdempotencyKeyTwice_CreatesOneCode()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));
        var citizen = _sims.Population[Personas.HappyPath];
        var request = new BillingRequest
        {
            PayerNik = citizen.Nik, PayerName = citizen.FullName, ServiceCode = "SIM_RENEW", Amount = 75_000, AgencyCode = "060", AccountCode = "425151",
        };

        var first = await host.Invoker.InvokeAsync(CanonicalCapabilities.BillingCreate, request, new CallContext(IdempotencyKey: "bill-twice"));
        var second = await host.Invoker.InvokeAsync(CanonicalCapabilities.BillingCreate, request, new CallContext(IdempotencyKey: "bill-twice"));

        Assert.Equal(first.BillingCode, second.BillingCode);
        Assert.Equal((1, 1), (_sims.Simponi.Writes.Accepted, _sims.Simponi.Writes.Duplicates));
    }

    [Fact]
    public async Task BillingStatus_UnknownCode_IsNotFound()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));

        var error = (await Assert.ThrowsAsync<AgencyException>(() => host.Invoker.InvokeAsync(
            CanonicalCapabilities.BillingStatus, new BillingQuery("999999999999999"), new CallContext()))).Error;

        Assert.Equal((AgencyErrorKind.NotFound, "simponi.tidak-ditemukan"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task BillingStatus_WrongApiKey_IsUnauthorizedWithoutRetry()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims, o => o.ApiKey = "wrong-key"));

        var error = (await Assert.ThrowsAsync<AgencyException>(() => host.Invoker.InvokeAsync(
            CanonicalCapabilities.BillingStatus, new BillingQuery("123456789012345"), new CallContext()))).Error;

        Assert.Equal((AgencyErrorKind.Unauthorized, "simponi.tidak-berwenang"), (error.Kind, error.Code));
        Assert.Equal(1, _sims.Simponi.Requests.Total);
    }
}
