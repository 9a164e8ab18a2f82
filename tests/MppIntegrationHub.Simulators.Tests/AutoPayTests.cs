using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Simulators.People;
using MppIntegrationHub.Simulators.Simponi;

namespace MppIntegrationHub.Simulators.Tests;

public sealed class AutoPayTests
{
    [Fact]
    public async Task Billing_AutoPayAfterThirtyMinutes_UnpaidBeforePaidAfterAtThatTime()
    {
        // Arrange
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        await using var sims = await AgencySimulators.StartAsync(new SimulatorOptions
        {
            PopulationSize = 50,
            Clock = clock,
            AutoPayAfter = TimeSpan.FromMinutes(30),
        });
        using var client = new HttpClient { BaseAddress = sims.Simponi.BaseUrl };
        client.DefaultRequestHeaders.Add("X-Api-Key", sims.Credentials.ApiKeys[AgencyIds.Simponi]);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "auto-pay-1");
        using var created = await client.PostAsJsonAsync("simponi/api/v1/billing", new
        {
            nik_wajib_bayar = Personas.HappyPath.Nik, nama_wajib_bayar = "ANDI PRATAMA", kode_kl = "060", kode_akun = "425171", jumlah = 30_000, keterangan = "SKCK",
        });
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kode_billing").GetString()!;

        // Act
        clock.Advance(TimeSpan.FromMinutes(29));
        var before = sims.Simponi.Ledger.Find(code)!;
        clock.Advance(TimeSpan.FromHours(5));
        var after = sims.Simponi.Ledger.Find(code)!;

        // Assert
        Assert.Equal(BillingEntryStatus.Unpaid, before.Status);
        Assert.Equal(BillingEntryStatus.Paid, after.Status);
        Assert.Equal(after.CreatedAt.AddMinutes(30), after.PaidAt);
        Assert.NotNull(after.Ntpn);
    }
}
