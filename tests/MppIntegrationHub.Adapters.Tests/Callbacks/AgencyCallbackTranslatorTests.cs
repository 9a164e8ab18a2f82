using System.Text.Json;
using MppIntegrationHub.Adapters.Billing;
using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Adapters.Dukcapil.KtpReplacement;
using MppIntegrationHub.Adapters.Paspor;
using MppIntegrationHub.Adapters.Sim;
using MppIntegrationHub.Adapters.Skck;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Adapters.Tests.Callbacks;

/// <summary>Each agency's callback body (its status GET's answer, mocks/AGENCY-APIS.md) read as a poll would read it.</summary>
public sealed class AgencyCallbackTranslatorTests
{
    public static TheoryData<string, string, string, AgencyCaseStatus, string?> Cases => new()
    {
        {
            "skck", """{"nomor_registrasi":"SKCK-3273-20261123-000123","status":"TERBIT","diperbarui":"2026-11-26T10:00:00+07:00","nomor_skck":"SKCK/000123/XI/2026/POLRES","berlaku_sampai":"2027-05-26"}""",
            "SKCK-3273-20261123-000123", AgencyCaseStatus.Completed, "SKCK/000123/XI/2026/POLRES"
        },
        {
            "sim", """{"nomor_permohonan":"SIM-20261123-000001","status":"SELESAI","diperbarui":"2026-11-26T10:00:00+07:00","nomor_sim_baru":"3273-3201-700001","berlaku_sampai":"2032-01-07"}""",
            "SIM-20261123-000001", AgencyCaseStatus.Completed, "3273-3201-700001"
        },
        {
            "paspor", """{"nomor_permohonan":"PSP-20261123-000001","status":"MENUNGGU_WAWANCARA","diperbarui":"2026-11-23T10:00:00+07:00","jadwal_wawancara":"2026-11-30T09:00:00+07:00","kode_kantor":"KANIM-BDG"}""",
            "PSP-20261123-000001", AgencyCaseStatus.AwaitingAppointment, null
        },
        {
            "dukcapil", """{"nomor_permohonan":"KTP-20261123-000001","status":"SIAP_DIAMBIL","diperbarui":"2026-11-25T10:00:00+07:00","lokasi_pengambilan":"Disdukcapil Kota Bandung"}""",
            "KTP-20261123-000001", AgencyCaseStatus.Completed, null
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Translate_AgencyCaseBody_GivesTheCanonicalCase(string agency, string body, string reference, AgencyCaseStatus status, string? number)
    {
        var translator = Translators().Single(t => t.Agency == agency);

        var callback = translator.Translate(Parse(body))!;

        var agencyCase = callback.Update.Deserialize<AgencyCase>(HubJson.Options)!;
        Assert.Equal(reference, callback.Reference);
        Assert.Equal(reference, agencyCase.Reference);
        Assert.Equal(status, agencyCase.Status);
        Assert.Equal(agencyCase.UpdatedAt, callback.UpdatedAt);
        if (number is not null)
        {
            Assert.Contains(number, agencyCase.Outputs.Values);
        }
    }

    [Fact]
    public void Translate_SimponiPaymentNotification_GivesThePaidBilling()
    {
        var translator = Translators().Single(t => t.Agency == "simponi");
        const string body = """{"kode_billing":"827665085182997","jumlah":30000,"tanggal_billing":"2026-11-23T10:00:00+07:00","tanggal_kedaluwarsa":"2026-11-25T10:00:00+07:00","status":"SUDAH_DIBAYAR","ntb":"123456789012","ntpn":"1IJSLNJSB3UOFDZ3","tanggal_bayar":"2026-11-23T11:00:00+07:00"}""";

        var callback = translator.Translate(Parse(body))!;

        var billing = callback.Update.Deserialize<Contracts.Agencies.Billing>(HubJson.Options)!;
        Assert.Equal("827665085182997", callback.Reference);
        Assert.Equal(BillingStatus.Paid, billing.Status);
        Assert.Equal("1IJSLNJSB3UOFDZ3", billing.Ntpn);
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T11:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture), callback.UpdatedAt);
    }

    [Theory]
    [InlineData("""{"nomor_registrasi":"SKCK-1","status":"HILANG","diperbarui":"2026-11-26T10:00:00+07:00"}""")]
    [InlineData("""{"nomor_registrasi":"SKCK-1","status":"TERBIT","diperbarui":"26/11/2026"}""")]
    [InlineData("""{"nomor_registrasi":42,"status":"TERBIT","diperbarui":"2026-11-26T10:00:00+07:00"}""")]
    [InlineData("""{"status":"TERBIT","diperbarui":"2026-11-26T10:00:00+07:00"}""")]
    [InlineData("""["TERBIT"]""")]
    [InlineData("""null""")]
    public void Translate_BodyThatIsNotACase_IsNull(string body)
    {
        var translator = Translators().Single(t => t.Agency == "skck");

        Assert.Null(translator.Translate(Parse(body)));
    }

    private static IAgencyCallbackTranslator[] Translators() =>
        [new SkckCallbackTranslator(), new SimCallbackTranslator(), new PasporCallbackTranslator(), new KtpReplacementCallbackTranslator(), new BillingCallbackTranslator()];

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
