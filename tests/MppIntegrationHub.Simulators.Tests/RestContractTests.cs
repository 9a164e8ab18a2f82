using System.Net;
using System.Text.Json;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Simulators.Tests;

public class RestContractTests(SimulatorsFixture fixture) : IClassFixture<SimulatorsFixture>
{
    private const string Date = @"^\d{4}-\d{2}-\d{2}$";
    private const string Time = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$";

    [Fact]
    public async Task SimLookup_HappyPath_SnakeCaseLicenceList()
    {
        using var client = fixture.Client(AgencyIds.Sim);

        var (_, json) = await Http.GetJsonAsync(client, $"sim/api/v1/sim?nik={Personas.HappyPath.Nik}");

        var licence = Assert.Single(json.GetProperty("data").EnumerateArray());
        Assert.Matches(@"^\d{4}-\d{4}-\d{6}$", licence.GetProperty("nomor_sim").GetString());
        Assert.Equal("C", licence.GetProperty("golongan").GetString());
        Assert.Matches(Date, licence.GetProperty("tanggal_terbit").GetString());
        Assert.Matches(Date, licence.GetProperty("berlaku_sampai").GetString());
    }

    [Fact]
    public async Task LicenceTests_Personas_ResultsAnd404()
    {
        using var client = fixture.Client(AgencyIds.Sim);

        var (missing, missingJson) = await Http.GetJsonAsync(client, $"sim/api/v1/erikkes?nik={Personas.NoLicence.Nik}");
        var (_, failedRikkes) = await Http.GetJsonAsync(client, $"sim/api/v1/erikkes?nik={Personas.FailedERikkes.Nik}");
        var (_, failedPpsi) = await Http.GetJsonAsync(client, $"sim/api/v1/eppsi?nik={Personas.FailedEPpsi.Nik}");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("TIDAK_DITEMUKAN", missingJson.GetProperty("kode").GetString());
        Assert.Equal("TIDAK_MEMENUHI_SYARAT", failedRikkes.GetProperty("hasil").GetString());
        Assert.Matches(Date, failedRikkes.GetProperty("tanggal_periksa").GetString());
        Assert.Equal("TIDAK_LULUS", failedPpsi.GetProperty("hasil").GetString());
        Assert.Matches(Date, failedPpsi.GetProperty("tanggal_tes").GetString());
    }

    [Theory]
    [InlineData("expired-licence", "SIM_KEDALUWARSA")]
    [InlineData("failed-erikkes", "ERIKKES_TIDAK_VALID")]
    [InlineData("failed-eppsi", "EPPSI_TIDAK_VALID")]
    public async Task SimRenewal_IneligiblePersona_422WithCode(string persona, string code)
    {
        var citizen = fixture.Sims.Population[Personas.ByName(persona)!];
        var licence = citizen.Licences[0];
        using var client = fixture.Client(AgencyIds.Sim);

        var (response, json) = await Http.PostJsonAsync(client, "sim/api/v1/perpanjangan", new
        {
            nik = citizen.Nik.Value,
            nomor_sim = licence.Number,
            golongan = licence.Class.ToString(),
            nomor_erikkes = citizen.HealthCertificate?.CertificateNumber,
            nomor_eppsi = citizen.PsychologyTest?.CertificateNumber,
            ntpn = "X",
            pengiriman = "AMBIL",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(code, json.GetProperty("kode").GetString());
    }

    [Fact]
    public async Task Billing_CreatePayRead_FifteenDigitsNtpnNtbAndWibTimes()
    {
        using var client = fixture.Client(AgencyIds.Simponi);
        var (created, billing) = await Http.PostJsonAsync(client, "simponi/api/v1/billing", new
        {
            nik_wajib_bayar = Personas.HappyPath.Nik, nama_wajib_bayar = "ANDI PRATAMA", kode_kl = "060", kode_akun = "425152", jumlah = 75_000, keterangan = "SIM C",
        });
        var code = billing.GetProperty("kode_billing").GetString()!;

        var paid = await client.PostAsync($"simponi/api/v1/billing/{code}/bayar", null);
        var (_, status) = await Http.GetJsonAsync(client, $"simponi/api/v1/billing/{code}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches(@"^\d{15}$", code);
        Assert.Equal(75_000, billing.GetProperty("jumlah").GetInt64());
        Assert.Matches(Time, billing.GetProperty("tanggal_billing").GetString());
        Assert.Equal(
            DateTimeOffset.Parse(billing.GetProperty("tanggal_billing").GetString()!, null).AddDays(2),
            DateTimeOffset.Parse(billing.GetProperty("tanggal_kedaluwarsa").GetString()!, null));
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("SUDAH_DIBAYAR", status.GetProperty("status").GetString());
        Assert.Matches("^[A-Z0-9]{16}$", status.GetProperty("ntpn").GetString());
        Assert.Matches(@"^\d{12}$", status.GetProperty("ntb").GetString());
        Assert.Matches(Time, status.GetProperty("tanggal_bayar").GetString());
    }

    [Fact]
    public async Task PassportSlot_CancelTwiceWithSameKey_SlotReturnsOnceAndDuplicateCounted()
    {
        using var client = fixture.Client(AgencyIds.Paspor);
        var date = Weekday(14);
        var (_, before) = await Http.GetJsonAsync(client, $"paspor/api/v1/kantor/KANIM-SBY/kuota?tanggal={date}");
        var (_, slot) = await Http.PostJsonAsync(client, "paspor/api/v1/jadwal", new { nik = Personas.HappyPath.Nik, kode_kantor = "KANIM-SBY", tanggal = date, jenis_layanan = "REGULER" });
        var (_, during) = await Http.GetJsonAsync(client, $"paspor/api/v1/kantor/KANIM-SBY/kuota?tanggal={date}");
        var duplicates = fixture.Sims.Paspor.Writes.Duplicates;

        var first = await DeleteAsync(client, $"paspor/api/v1/jadwal/{slot.GetProperty("kode_jadwal").GetString()}", "cancel-1");
        var second = await DeleteAsync(client, $"paspor/api/v1/jadwal/{slot.GetProperty("kode_jadwal").GetString()}", "cancel-1");
        var (_, after) = await Http.GetJsonAsync(client, $"paspor/api/v1/kantor/KANIM-SBY/kuota?tanggal={date}");

        Assert.Equal(before.GetProperty("sisa_kuota").GetInt32() - 1, during.GetProperty("sisa_kuota").GetInt32());
        Assert.Equal("DIBATALKAN", first.GetProperty("status").GetString());
        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal(duplicates + 1, fixture.Sims.Paspor.Writes.Duplicates);
        Assert.Equal(before.GetProperty("sisa_kuota").GetInt32(), after.GetProperty("sisa_kuota").GetInt32());
    }

    [Fact]
    public async Task PassportQuota_Weekend_NoSlots()
    {
        using var client = fixture.Client(AgencyIds.Paspor);
        var saturday = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().DateTime);
        while (saturday.DayOfWeek != DayOfWeek.Saturday)
        {
            saturday = saturday.AddDays(1);
        }

        var (_, json) = await Http.GetJsonAsync(client, $"paspor/api/v1/kantor/KANIM-JAKSEL/kuota?tanggal={saturday:yyyy-MM-dd}");

        Assert.Equal(0, json.GetProperty("sisa_kuota").GetInt32());
        Assert.Empty(json.GetProperty("slot").EnumerateArray());
    }

    [Fact]
    public async Task KtpReplacement_AdvancedOverAdminEndpoint_ReachesSiapDiambil()
    {
        using var client = fixture.Client(AgencyIds.Dukcapil);
        var (created, json) = await Http.PostJsonAsync(client, "dukcapil/api/v1/penggantian-ktp",
            new { nik = Personas.HappyPath.Nik, alasan = "RUSAK", kode_wilayah_pengambilan = "32.73.02" });
        var reference = json.GetProperty("nomor_permohonan").GetString()!;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"__admin/cases/{reference}/advance", null)).StatusCode);
        }

        var (_, ready) = await Http.GetJsonAsync(client, $"dukcapil/api/v1/penggantian-ktp/{reference}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("DITERIMA", json.GetProperty("status").GetString());
        Assert.Matches(Time, json.GetProperty("diperbarui").GetString());
        Assert.Equal("SIAP_DIAMBIL", ready.GetProperty("status").GetString());
        Assert.Equal("Dinas Kependudukan dan Pencatatan Sipil Kota Bandung", ready.GetProperty("lokasi_pengambilan").GetString());
    }

    [Theory]
    [InlineData("3273020302509002", HttpStatusCode.UnprocessableEntity, "NIK_TIDAK_AKTIF")]
    [InlineData("3273020909999005", HttpStatusCode.NotFound, "TIDAK_DITEMUKAN")]
    public async Task SkckSubmit_UnusableNik_Refused(string nik, HttpStatusCode status, string code)
    {
        using var client = fixture.Client(AgencyIds.Skck);

        var (response, json) = await Http.PostJsonAsync(client, "skck/api/v1/permohonan", new { nik, keperluan = "X", tingkat_kantor = "POLSEK", ntpn = "X" });

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, json.GetProperty("kode").GetString());
    }

    [Fact]
    public async Task CaseRead_Unknown_404TidakDitemukan()
    {
        using var client = fixture.Client(AgencyIds.Skck);

        var (response, json) = await Http.GetJsonAsync(client, "skck/api/v1/permohonan/SKCK-0000-00000000-000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("TIDAK_DITEMUKAN", json.GetProperty("kode").GetString());
    }

    private string Weekday(int daysAhead)
    {
        var date = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(daysAhead);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return date.ToString("yyyy-MM-dd", null);
    }

    private static async Task<JsonElement> DeleteAsync(HttpClient client, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
