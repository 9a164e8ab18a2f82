using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.RestAgencies;

/// <summary>Pays a PNBP fee the way a workflow does: a billing code through the adapter, the bank through SIMPONI's tester action.</summary>
internal static class Payments
{
    public static async Task<string> PayAsync(AdapterHost host, AgencySimulators sims, Citizen citizen, long amount)
    {
        var billing = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.BillingCreate,
            new BillingRequest
            {
                PayerNik = citizen.Nik,
                PayerName = citizen.FullName,
                ServiceCode = "TEST",
                Amount = amount,
                AgencyCode = "060",
                AccountCode = "425151",
            },
            new CallContext(IdempotencyKey: Guid.NewGuid().ToString()));
        using var bank = new HttpClient { BaseAddress = sims.Simponi.BaseUrl };
        using var paid = await bank.PostAsync(new Uri($"simponi/api/v1/billing/{billing.BillingCode}/bayar", UriKind.Relative), null);
        paid.EnsureSuccessStatusCode();
        var status = await host.Invoker.InvokeAsync(CanonicalCapabilities.BillingStatus, new BillingQuery(billing.BillingCode), new CallContext());
        return status.Ntpn!;
    }
}
