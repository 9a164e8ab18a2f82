using System.Net;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Simulators.Tests;

public class IdempotencyTests(SimulatorsFixture fixture) : IClassFixture<SimulatorsFixture>
{
    [Fact]
    public async Task SkckSubmit_SameKeyTwice_OneApplicationOneDuplicate()
    {
        var ntpn = await fixture.PaidNtpnAsync(Personas.HappyPath.Nik, 30_000);
        using var client = fixture.Client(AgencyIds.Skck);
        var body = new { nik = Personas.HappyPath.Nik, keperluan = "MELAMAR PEKERJAAN", tingkat_kantor = "POLRES", kode_wilayah_kantor = "3273", ntpn };
        var cases = fixture.Sims.Skck.Cases.Count;
        var accepted = fixture.Sims.Skck.Writes.Accepted;

        var (first, firstJson) = await Http.PostJsonAsync(client, "skck/api/v1/permohonan", body, "key-1");
        var (second, secondJson) = await Http.PostJsonAsync(client, "skck/api/v1/permohonan", body, "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(firstJson.GetRawText(), secondJson.GetRawText());
        Assert.Equal(cases + 1, fixture.Sims.Skck.Cases.Count);
        Assert.Equal(accepted + 1, fixture.Sims.Skck.Writes.Accepted);
        Assert.Equal(1, fixture.Sims.Skck.Writes.Duplicates);
    }

    [Fact]
    public async Task SkckSubmit_SameNtpnUnderNewKey_PaymentRefused()
    {
        var ntpn = await fixture.PaidNtpnAsync(Personas.LicenceValid.Nik, 30_000);
        using var client = fixture.Client(AgencyIds.Skck);
        var body = new { nik = Personas.LicenceValid.Nik, keperluan = "PENCALONAN", tingkat_kantor = "POLDA", ntpn };

        var (first, _) = await Http.PostJsonAsync(client, "skck/api/v1/permohonan", body, "ntpn-a");
        var (second, json) = await Http.PostJsonAsync(client, "skck/api/v1/permohonan", body, "ntpn-b");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("PEMBAYARAN_TIDAK_VALID", json.GetProperty("kode").GetString());
    }

    [Fact]
    public async Task Write_WithoutIdempotencyKey_400()
    {
        using var client = fixture.Client(AgencyIds.Simponi);

        var response = await client.PostAsync("simponi/api/v1/billing", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("IDEMPOTENCY_KEY_WAJIB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_WithoutApiKey_401()
    {
        using var client = new HttpClient { BaseAddress = fixture.Sims.Sim.BaseUrl };

        var (response, json) = await Http.GetJsonAsync(client, $"sim/api/v1/sim?nik={Personas.HappyPath.Nik}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("TIDAK_BERWENANG", json.GetProperty("kode").GetString());
    }

    [Fact]
    public async Task SkckSubmit_UnpaidNtpn_422()
    {
        using var client = fixture.Client(AgencyIds.Skck);

        var (response, json) = await Http.PostJsonAsync(client, "skck/api/v1/permohonan",
            new { nik = Personas.HappyPath.Nik, keperluan = "X", tingkat_kantor = "POLSEK", ntpn = "NOTPAID000000000" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("PEMBAYARAN_TIDAK_VALID", json.GetProperty("kode").GetString());
    }

    [Fact]
    public async Task KtpReplacement_LostWithoutPoliceReport_422()
    {
        using var client = fixture.Client(AgencyIds.Dukcapil);

        var (response, json) = await Http.PostJsonAsync(client, "dukcapil/api/v1/penggantian-ktp",
            new { nik = Personas.HappyPath.Nik, alasan = "HILANG", kode_wilayah_pengambilan = "3273" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("SURAT_KEHILANGAN_WAJIB", json.GetProperty("kode").GetString());
    }
}
