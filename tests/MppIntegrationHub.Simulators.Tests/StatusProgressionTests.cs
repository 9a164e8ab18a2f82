using System.Net;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Simulators.Tests;

public sealed class CallbackFixture : SimulatorsFixture, IDisposable
{
    public CallbackReceiver Receiver { get; } = new();

    protected override Uri? HubCallbackUrl => Receiver.Url;

    public void Dispose() => Receiver.Dispose();
}

public class StatusProgressionTests(CallbackFixture fixture) : IClassFixture<CallbackFixture>
{
    [Fact]
    public async Task Skck_FakeClock_DibayarVerifikasiTerbitWithSignedCallbacks()
    {
        var ntpn = await fixture.PaidNtpnAsync(Personas.HappyPath.Nik, 30_000);
        using var client = fixture.Client(AgencyIds.Skck);
        var (created, json) = await Http.PostJsonAsync(client, "skck/api/v1/permohonan",
            new { nik = Personas.HappyPath.Nik, keperluan = "MELAMAR PEKERJAAN", tingkat_kantor = "POLRES", kode_wilayah_kantor = "32.73", ntpn });
        var reference = json.GetProperty("nomor_registrasi").GetString()!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("DIBAYAR", json.GetProperty("status").GetString());
        Assert.Matches(@"^SKCK-3273-\d{8}-\d{6}$", reference);
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await fixture.Receiver.WaitForStatusAsync(AgencyIds.Skck, reference, "VERIFIKASI");
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        var issued = await fixture.Receiver.WaitForStatusAsync(AgencyIds.Skck, reference, "TERBIT");

        Assert.Matches(@"^SKCK/\d{6}/[IVX]+/\d{4}/POLRES$", issued.GetProperty("nomor_skck").GetString());
        Assert.Equal(RestDate(Today().AddMonths(6)), issued.GetProperty("berlaku_sampai").GetString());
        var (_, polled) = await Http.GetJsonAsync(client, $"skck/api/v1/permohonan/{reference}");
        Assert.Equal("TERBIT", polled.GetProperty("status").GetString());
        Assert.Equal(0, fixture.Receiver.BadSignatures);
    }

    [Fact]
    public async Task Skck_CriminalRecord_Ditolak()
    {
        var ntpn = await fixture.PaidNtpnAsync(Personas.CriminalRecord.Nik, 30_000);
        using var client = fixture.Client(AgencyIds.Skck);
        var (_, json) = await Http.PostJsonAsync(client, "skck/api/v1/permohonan",
            new { nik = Personas.CriminalRecord.Nik, keperluan = "X", tingkat_kantor = "POLSEK", ntpn });
        var reference = json.GetProperty("nomor_registrasi").GetString()!;

        fixture.Sims.Skck.Cases.Advance(reference);
        fixture.Sims.Skck.Cases.Advance(reference);

        var rejected = await fixture.Receiver.WaitForStatusAsync(AgencyIds.Skck, reference, "DITOLAK");
        Assert.Equal("CATATAN_KRIMINAL", rejected.GetProperty("alasan").GetString());
    }

    [Fact]
    public async Task SimRenewal_FakeClock_DiterimaToSelesaiWithNewLicence()
    {
        var citizen = fixture.Sims.Population[Personas.LicenceDueForRenewal];
        var licence = citizen.Licences[0];
        using var client = fixture.Client(AgencyIds.Sim);
        var (_, eligibility) = await Http.GetJsonAsync(client, $"sim/api/v1/sim/{licence.Number}/kelayakan-perpanjangan");
        var (_, rikkes) = await Http.GetJsonAsync(client, $"sim/api/v1/erikkes?nik={citizen.Nik}");
        var (_, ppsi) = await Http.GetJsonAsync(client, $"sim/api/v1/eppsi?nik={citizen.Nik}");
        var ntpn = await fixture.PaidNtpnAsync(citizen.Nik.Value, 80_000);

        var (created, json) = await Http.PostJsonAsync(client, "sim/api/v1/perpanjangan", new
        {
            nik = citizen.Nik.Value,
            nomor_sim = licence.Number,
            golongan = "A",
            nomor_erikkes = rikkes.GetProperty("nomor_sertifikat").GetString(),
            nomor_eppsi = ppsi.GetProperty("nomor_sertifikat").GetString(),
            ntpn,
            pengiriman = "KIRIM",
        });
        var reference = json.GetProperty("nomor_permohonan").GetString()!;
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await fixture.Receiver.WaitForStatusAsync(AgencyIds.Sim, reference, "DIPROSES");
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await fixture.Receiver.WaitForStatusAsync(AgencyIds.Sim, reference, "DICETAK");
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        var done = await fixture.Receiver.WaitForStatusAsync(AgencyIds.Sim, reference, "SELESAI");

        Assert.True(eligibility.GetProperty("layak").GetBoolean());
        Assert.Equal("MEMENUHI_SYARAT", rikkes.GetProperty("hasil").GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("DITERIMA", json.GetProperty("status").GetString());
        Assert.Equal(RestDate(licence.ExpiresOn.AddYears(5)), done.GetProperty("berlaku_sampai").GetString());
        Assert.NotEqual(licence.Number, done.GetProperty("nomor_sim_baru").GetString());
    }

    [Theory]
    [InlineData("expired-licence", "SIM_KEDALUWARSA")]
    [InlineData("licence-valid", "BELUM_MASUK_JENDELA")]
    public async Task SimEligibility_Personas_Refused(string persona, string reason)
    {
        var licence = fixture.Sims.Population[Personas.ByName(persona)!].Licences[0];
        using var client = fixture.Client(AgencyIds.Sim);

        var (_, json) = await Http.GetJsonAsync(client, $"sim/api/v1/sim/{licence.Number}/kelayakan-perpanjangan");

        Assert.False(json.GetProperty("layak").GetBoolean());
        Assert.Equal(reason, json.GetProperty("alasan").GetString());
    }

    [Fact]
    public async Task Passport_FakeClock_InterviewThenIssuedThreeWorkingDaysLater()
    {
        using var client = fixture.Client(AgencyIds.Paspor);
        var nik = Personas.PassportHolder.Nik;
        var (_, offices) = await Http.GetJsonAsync(client, "paspor/api/v1/kantor");
        var date = NextWorkingDay(7);
        var (_, quota) = await Http.GetJsonAsync(client, $"paspor/api/v1/kantor/KANIM-BDG/kuota?tanggal={RestDate(date)}");
        var (booked, slot) = await Http.PostJsonAsync(client, "paspor/api/v1/jadwal", new { nik, kode_kantor = "KANIM-BDG", tanggal = RestDate(date), jenis_layanan = "REGULER" });
        var ntpn = await fixture.PaidNtpnAsync(nik, 650_000);

        var (created, json) = await Http.PostJsonAsync(client, "paspor/api/v1/permohonan",
            new { nik, kode_jadwal = slot.GetProperty("kode_jadwal").GetString(), jenis_paspor = "ELEKTRONIK", jenis_layanan = "REGULER", ntpn });
        var reference = json.GetProperty("nomor_permohonan").GetString()!;
        var (_, waiting) = await Http.GetJsonAsync(client, $"paspor/api/v1/permohonan/{reference}");
        fixture.Clock.Advance(new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 1)), TimeSpan.FromHours(7)) - fixture.Clock.GetUtcNow());
        await fixture.Receiver.WaitForStatusAsync(AgencyIds.Paspor, reference, "PROSES_CETAK");
        fixture.Clock.Advance(TimeSpan.FromDays(5));
        var issued = await fixture.Receiver.WaitForStatusAsync(AgencyIds.Paspor, reference, "TERBIT");

        Assert.Equal(5, offices.GetProperty("data").GetArrayLength());
        Assert.Equal(16, quota.GetProperty("sisa_kuota").GetInt32());
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal("08:00-09:00", slot.GetProperty("jam").GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("TERKIRIM", json.GetProperty("status").GetString());
        Assert.Equal("MENUNGGU_WAWANCARA", waiting.GetProperty("status").GetString());
        Assert.Equal($"{RestDate(date)}T08:00:00+07:00", waiting.GetProperty("jadwal_wawancara").GetString());
        Assert.StartsWith("E", issued.GetProperty("nomor_paspor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassportQuota_SmallOffice_SecondBookingKuotaHabis()
    {
        using var client = fixture.Client(AgencyIds.Paspor);
        var body = new { nik = Personas.HappyPath.Nik, kode_kantor = "KANIM-SMD", tanggal = RestDate(NextWorkingDay(10)), jenis_layanan = "REGULER" };

        var (first, _) = await Http.PostJsonAsync(client, "paspor/api/v1/jadwal", body);
        var (second, json) = await Http.PostJsonAsync(client, "paspor/api/v1/jadwal", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("KUOTA_HABIS", json.GetProperty("kode").GetString());
    }

    [Fact]
    public async Task Billing_PaidThenExpiredCodeRefused()
    {
        using var client = fixture.Client(AgencyIds.Simponi);
        var (created, billing) = await Http.PostJsonAsync(client, "simponi/api/v1/billing", new
        {
            nik_wajib_bayar = Personas.HappyPath.Nik, nama_wajib_bayar = "ANDI PRATAMA", kode_kl = "060", kode_akun = "425152", jumlah = 30_000, keterangan = "SKCK", masa_berlaku_menit = 120,
        });
        var code = billing.GetProperty("kode_billing").GetString()!;
        fixture.Clock.Advance(TimeSpan.FromHours(3));
        var pay = await client.PostAsync($"simponi/api/v1/billing/{code}/bayar", null);
        var (_, status) = await Http.GetJsonAsync(client, $"simponi/api/v1/billing/{code}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches(@"^\d{15}$", code);
        Assert.Equal("BELUM_DIBAYAR", billing.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pay.StatusCode);
        Assert.Equal("KEDALUWARSA", status.GetProperty("status").GetString());
    }

    private static string RestDate(DateOnly date) => date.ToString("yyyy-MM-dd", null);

    private DateOnly Today() => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private DateOnly NextWorkingDay(int daysAhead)
    {
        var date = Today().AddDays(daysAhead);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
