using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace MppIntegrationHub.Simulators.Tests;

/// <summary>All simulators on free loopback ports, on a fake clock at Monday 23 Nov 2026, 10:00 WIB.</summary>
public class SimulatorsFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7));

    public FakeTimeProvider Clock { get; } = new(Start);

    public AgencySimulators Sims { get; private set; } = null!;

    protected virtual Uri? HubCallbackUrl => null;

    public async Task InitializeAsync() =>
        Sims = await AgencySimulators.StartAsync(new SimulatorOptions { Seed = 42, PopulationSize = 1_000, Clock = Clock, HubCallbackUrl = HubCallbackUrl });

    public async Task DisposeAsync() => await Sims.DisposeAsync();

    /// <summary>A client for one agency; designed REST agencies get their X-Api-Key.</summary>
    public HttpClient Client(string agency)
    {
        var client = new HttpClient { BaseAddress = Sims[agency].BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (Sims.Credentials.ApiKeys.TryGetValue(agency, out var key))
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>Creates and pays a SIMPONI billing; returns the NTPN.</summary>
    public async Task<string> PaidNtpnAsync(string nik, long amount)
    {
        using var simponi = Client(AgencyIds.Simponi);
        var created = await Http.PostJsonAsync(simponi, "simponi/api/v1/billing", new
        {
            nik_wajib_bayar = nik,
            nama_wajib_bayar = "WAJIB BAYAR",
            kode_kl = "060",
            kode_akun = "425152",
            jumlah = amount,
            keterangan = "test",
        });
        var code = created.Json.GetProperty("kode_billing").GetString()!;
        return Sims.Simponi.Pay(code)!;
    }
}

/// <summary>Small helpers over HttpClient for JSON calls with an Idempotency-Key.</summary>
public static class Http
{
    public static async Task<(HttpResponseMessage Response, JsonElement Json)> PostJsonAsync(HttpClient client, string path, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        var response = await client.SendAsync(request);
        return (response, await ReadAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response, await ReadAsync(response));
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
