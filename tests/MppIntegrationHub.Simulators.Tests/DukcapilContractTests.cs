using System.Net;
using System.Text.Json;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Simulators.Tests;

public class DukcapilContractTests(SimulatorsFixture fixture) : IClassFixture<SimulatorsFixture>
{
    private string Root => $"dukcapil/get_json/{fixture.Sims.Credentials.DukcapilCustomerId}";

    [Fact]
    public async Task VerifyByElement_HappyPath_EveryFieldSesuaiWithScores()
    {
        var citizen = fixture.Sims.Population[Personas.HappyPath];

        var content = await VerifyAsync(new Dictionary<string, object>
        {
            ["NIK"] = citizen.Nik.Value,
            ["NAMA_LGKP"] = "andi  pratama",
            ["TGL_LHR"] = citizen.BirthDate.ToString("dd-MM-yyyy", null),
            ["JENIS_KLMIN"] = "Laki-Laki",
            ["ALAMAT"] = "JL. IR. H. DJUANDA NO. 1OO",
            ["NO_RT"] = "3",
            ["NO_RW"] = "007",
            ["NO_KEL"] = "1004",
            ["KEL_NAME"] = "DAGO",
            ["TRESHOLD"] = "95",
        });

        Assert.Equal("Sesuai", content.GetProperty("NIK").GetString());
        Assert.Equal("Sesuai (100)", content.GetProperty("NAMA_LGKP").GetString());
        Assert.Equal("Sesuai", content.GetProperty("TGL_LHR").GetString());
        Assert.Equal("Sesuai", content.GetProperty("JENIS_KLMIN").GetString());
        Assert.Equal("Tidak Sesuai (92)", content.GetProperty("ALAMAT").GetString());
        Assert.Equal("Sesuai", content.GetProperty("NO_RT").GetString());
        Assert.Equal("Sesuai", content.GetProperty("NO_KEL").GetString());
        Assert.Equal("Sesuai", content.GetProperty("KEL_NAME").GetString());
        Assert.False(content.TryGetProperty("TRESHOLD", out _));
    }

    [Fact]
    public async Task VerifyByElement_Envelope_HasPageFieldsAndQuota()
    {
        using var client = fixture.Client(AgencyIds.Dukcapil);

        var (response, json) = await Http.PostJsonAsync(client, $"{Root}/CALL_VERIFY_BY_ELEMEN", Body(Personas.HappyPath.Nik, []));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "lastPage", "numberOfElements", "totalElements", "firstPage", "number", "size" })
        {
            Assert.True(json.TryGetProperty(field, out _), field);
        }

        Assert.True(json.GetProperty("quotaLimiter").GetInt64() > 0);
    }

    [Theory]
    [InlineData("3273020302509002", "11")]
    [InlineData("3273025708859003", "12")]
    [InlineData("3273020909999005", "13")]
    [InlineData("3273029999999999", "15")]
    [InlineData("3273022110789004", "14")]
    [InlineData("32730212059", "15")]
    public async Task VerifyByElement_RegistryEdgeCases_InBandCodesInsideHttp200(string nik, string code)
    {
        var content = await VerifyAsync(new Dictionary<string, object> { ["NIK"] = nik, ["NAMA_LGKP"] = "SIAPA SAJA" });

        Assert.Equal(code, content.GetProperty("RESPONSE_CODE").GetString());
        Assert.False(string.IsNullOrEmpty(content.GetProperty("RESPON").GetString()));
    }

    [Fact]
    public async Task VerifyByElement_QuotaExhausted_Code05()
    {
        var sims = await AgencySimulators.StartAsync(new SimulatorOptions { PopulationSize = 100, DukcapilQuota = 1, Population = fixture.Sims.Population });
        await using var _ = sims;
        using var client = new HttpClient { BaseAddress = sims.Dukcapil.BaseUrl };

        var (_, first) = await Http.PostJsonAsync(client, $"{Root}/CALL_VERIFY_BY_ELEMEN", Body(Personas.HappyPath.Nik, []));
        var (response, second) = await Http.PostJsonAsync(client, $"{Root}/CALL_VERIFY_BY_ELEMEN", Body(Personas.HappyPath.Nik, []));

        Assert.Equal(0, first.GetProperty("quotaLimiter").GetInt64());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("05", second.GetProperty("content")[0].GetProperty("RESPONSE_CODE").GetString());
    }

    [Fact]
    public async Task VerifyByElement_WrongPassword_Unauthorized()
    {
        using var client = fixture.Client(AgencyIds.Dukcapil);
        var body = Body(Personas.HappyPath.Nik, []);
        body["password"] = "wrong";

        var (response, _) = await Http.PostJsonAsync(client, $"{Root}/CALL_VERIFY_BY_ELEMEN", body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CallNik_HappyPath_FullRecordWithDottedDates()
    {
        using var client = fixture.Client(AgencyIds.Dukcapil);
        var citizen = fixture.Sims.Population[Personas.HappyPath];

        var (_, json) = await Http.PostJsonAsync(client, $"{Root}/CALL_NIK", Body(citizen.Nik.Value, []));

        var record = json.GetProperty("content")[0];
        Assert.Equal(citizen.BirthDate.ToString("dd.MM.yyyy", null), record.GetProperty("TGL_LHR").GetString());
        Assert.Equal("14.02.2016", record.GetProperty("TGL_KWN").GetString());
        Assert.Equal("KAWIN", record.GetProperty("STATUS_KAWIN").GetString());
        Assert.Equal("KEPALA KELUARGA", record.GetProperty("STAT_HBKEL").GetString());
        Assert.Equal(citizen.Kk.Value, record.GetProperty("NO_KK").GetString());
        foreach (var field in new[] { "STATUS", "DESCSTATUS", "NO_AKTA_LHR", "AGAMA", "GOL_DARAH", "KODE_POS", "DUSUN", "NAMA_LGKP_AYAH", "EKTP_STATUS", "PNYDNG_CCT", "NO_PROP", "NO_KAB", "NO_KEC", "NO_KEL" })
        {
            Assert.True(record.TryGetProperty(field, out _), field);
        }
    }

    [Theory]
    [InlineData("reference", "5", 6018)]
    [InlineData("other", "5", 6019)]
    [InlineData("reference", "11", 5005)]
    [InlineData("garbage", "5", 6015)]
    public async Task CallFr_Images_ScoreAndCodes(string image, string threshold, int code)
    {
        var citizen = fixture.Sims.Population[Personas.HappyPath];
        var bytes = image switch
        {
            "reference" => SyntheticPopulation.ReferenceFace(citizen),
            "other" => SyntheticPopulation.ReferenceFace(fixture.Sims.Population[Personas.Inactive]),
            _ => "not a jpeg"u8.ToArray(),
        };

        var json = await FaceAsync(citizen.Nik.Value, Convert.ToBase64String(bytes), threshold);

        Assert.Equal(code, json.GetProperty("errorCode").GetInt32());
        if (code == 6018)
        {
            Assert.Equal(10.0, json.GetProperty("matchScore").GetDouble());
            Assert.True(json.GetProperty("quotaLimiter").GetInt64() > 0);
        }
    }

    [Theory]
    [InlineData("password", "wrong", 9002)]
    [InlineData("ip", "192.0.2.1", 5003)]
    [InlineData("nik", "3273020909999005", 6020)]
    public async Task CallFr_Refusals_Codes(string field, string value, int code)
    {
        var citizen = fixture.Sims.Population[Personas.HappyPath];

        var json = await FaceAsync(citizen.Nik.Value, Convert.ToBase64String(SyntheticPopulation.ReferenceFace(citizen)), "5", field, value);

        Assert.Equal(code, json.GetProperty("errorCode").GetInt32());
    }

    [Fact]
    public async Task CallFr_QuotaExhausted_5002()
    {
        var sims = await AgencySimulators.StartAsync(new SimulatorOptions { DukcapilQuota = 0, Population = fixture.Sims.Population });
        await using var _ = sims;
        using var client = new HttpClient { BaseAddress = sims.Dukcapil.BaseUrl };

        var (_, json) = await Http.PostJsonAsync(client, $"{Root}/CALL_FR", new { nik = Personas.HappyPath.Nik });

        Assert.Equal(5002, json.GetProperty("errorCode").GetInt32());
    }

    private async Task<JsonElement> FaceAsync(string nik, string image, string threshold, string? field = null, string? value = null)
    {
        using var client = fixture.Client(AgencyIds.Dukcapil);
        var credentials = fixture.Sims.Credentials;
        var body = new Dictionary<string, object>
        {
            ["transactionId"] = "TRX-1",
            ["transactionSource"] = "MPP",
            ["nik"] = nik,
            ["threshold"] = threshold,
            ["image"] = image,
            ["position"] = "F",
            ["user_id"] = credentials.DukcapilUserId,
            ["password"] = credentials.DukcapilPassword,
            ["ip"] = credentials.DukcapilIpUser,
        };
        if (field is not null)
        {
            body[field] = value!;
        }

        var (_, json) = await Http.PostJsonAsync(client, $"{Root}/CALL_FR", body);
        return json;
    }

    private async Task<JsonElement> VerifyAsync(Dictionary<string, object> fields)
    {
        using var client = fixture.Client(AgencyIds.Dukcapil);
        var (response, json) = await Http.PostJsonAsync(client, $"{Root}/CALL_VERIFY_BY_ELEMEN", Body((string)fields["NIK"], fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return json.GetProperty("content")[0];
    }

    private Dictionary<string, object> Body(string nik, Dictionary<string, object> fields)
    {
        var credentials = fixture.Sims.Credentials;
        var body = new Dictionary<string, object>(fields)
        {
            ["NIK"] = nik,
            ["user_id"] = credentials.DukcapilUserId,
            ["password"] = credentials.DukcapilPassword,
            ["IP_USER"] = credentials.DukcapilIpUser,
        };
        return body;
    }
}
