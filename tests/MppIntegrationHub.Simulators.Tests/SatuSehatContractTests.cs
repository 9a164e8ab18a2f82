using System.Net;
using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using MppIntegrationHub.Simulators.People;
using Task = System.Threading.Tasks.Task;

namespace MppIntegrationHub.Simulators.Tests;

public class SatuSehatContractTests(SimulatorsFixture fixture) : IClassFixture<SimulatorsFixture>
{
    private static readonly FhirJsonDeserializer Parser = new(new DeserializerSettings());

    [Fact]
    public async Task AccessToken_GoodSecret_EveryValueAString()
    {
        using var client = fixture.Client(AgencyIds.SatuSehat);

        var response = await client.PostAsync("oauth2/v1/accesstoken?grant_type=client_credentials", Form(fixture.Sims.Credentials.SatuSehatClientSecret));
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(json.EnumerateObject(), p => Assert.Equal(System.Text.Json.JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal("3599", json.GetProperty("expires_in").GetString());
        Assert.Equal("BearerToken", json.GetProperty("token_type").GetString());
        Assert.Equal("approved", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AccessToken_BadSecret_RejectedThenOneAttemptPerMinute()
    {
        using var client = fixture.Client(AgencyIds.SatuSehat);
        Task<HttpResponseMessage> WrongAttemptAsync() => client.PostAsync("oauth2/v1/accesstoken?grant_type=client_credentials",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = "another-client", ["client_secret"] = "wrong" }));

        var rejected = await WrongAttemptAsync();
        var throttled = await WrongAttemptAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await WrongAttemptAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Contains("oauth.v2.InvalidClientIdentifier", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task PatientSearch_NoToken_Unauthorized()
    {
        using var client = fixture.Client(AgencyIds.SatuSehat);

        var response = await client.GetAsync($"fhir-r4/v1/Patient?identifier=https://fhir.kemkes.go.id/id/nik|{Personas.HappyPath.Nik}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PatientSearch_HappyPath_MaskedNikBundleParsesWithFirely()
    {
        using var client = await AuthorizedAsync();

        var bundle = Parser.Deserialize<Bundle>(await client.GetStringAsync($"fhir-r4/v1/Patient?identifier=https://fhir.kemkes.go.id/id/nik|{Personas.HappyPath.Nik}"));

        Assert.Equal(Bundle.BundleType.Searchset, bundle!.Type);
        var patient = Assert.IsType<Patient>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal(fixture.Sims.Population[Personas.HappyPath].HealthPatientId, patient.Id);
        Assert.Equal("################", patient.Identifier.Single(i => i.System == "https://fhir.kemkes.go.id/id/nik").Value);
        Assert.Contains(patient.Address[0].Extension, e => e.Url!.EndsWith("administrativeCode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PatientSearch_TokenOlderThan3599Seconds_Unauthorized()
    {
        using var client = await AuthorizedAsync();
        var path = $"fhir-r4/v1/Patient?identifier=https://fhir.kemkes.go.id/id/nik|{Personas.HappyPath.Nik}";
        var fresh = await client.GetAsync(path);

        fixture.Clock.Advance(TimeSpan.FromSeconds(3599));
        var expired = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task PatientSearch_WithoutNikSystem_400OperationOutcomeInvalidSeverity()
    {
        using var client = await AuthorizedAsync();

        var response = await client.GetAsync("fhir-r4/v1/Patient?identifier=123");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"severity\":\"invalid\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientSearch_NoHealthRecord_EmptySearchset()
    {
        using var client = await AuthorizedAsync();

        var bundle = Parser.Deserialize<Bundle>(await client.GetStringAsync($"fhir-r4/v1/Patient?identifier=https://fhir.kemkes.go.id/id/nik|{Personas.NoHealthRecord.Nik}"));

        Assert.Equal(0, bundle!.Total);
        Assert.Empty(bundle.Entry);
    }

    [Theory]
    [InlineData("Condition")]
    [InlineData("Immunization")]
    [InlineData("AllergyIntolerance")]
    [InlineData("Observation")]
    [InlineData("Encounter")]
    public async Task ClinicalSearch_HappyPath_ResourcesOfThePatient(string type)
    {
        using var client = await AuthorizedAsync();
        var citizen = fixture.Sims.Population[Personas.HappyPath];

        var bundle = Parser.Deserialize<Bundle>(await client.GetStringAsync($"fhir-r4/v1/{type}?subject=Patient/{citizen.HealthPatientId}"));

        Assert.NotNull(bundle);
        Assert.All(bundle.Entry, e => Assert.Equal(type, e.Resource!.TypeName));
        Assert.Equal(bundle.Total, bundle.Entry.Count);
        if (type is "Immunization" or "Encounter" or "Observation")
        {
            Assert.NotEmpty(bundle.Entry);
        }
    }

    [Fact]
    public async Task ConditionSearch_Codes_Icd10()
    {
        using var client = await AuthorizedAsync();
        var citizen = fixture.Sims.Population.Citizens.First(c => c.Health is { Conditions.Count: > 0 });

        var bundle = Parser.Deserialize<Bundle>(await client.GetStringAsync($"fhir-r4/v1/Condition?subject=Patient/{citizen.HealthPatientId}"));

        Assert.NotNull(bundle);
        Assert.All(bundle.Entry, e => Assert.Equal("http://hl7.org/fhir/sid/icd-10", ((Condition)e.Resource!).Code!.Coding[0].System));
    }

    [Fact]
    public async Task PatientRead_Unknown_OperationOutcomeWithInvalidSeverity()
    {
        using var client = await AuthorizedAsync();

        var response = await client.GetAsync("fhir-r4/v1/Patient/P00000000000");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"severity\":\"invalid\"", body, StringComparison.Ordinal);
        Assert.Contains("\"resourceType\":\"OperationOutcome\"", body, StringComparison.Ordinal);
        var tolerant = Parser.Deserialize<OperationOutcome>(body.Replace("\"invalid\"", "\"error\"", StringComparison.Ordinal));
        Assert.Equal(OperationOutcome.IssueType.NotFound, tolerant!.Issue[0].Code);
    }

    [Fact]
    public async Task PatientSearch_GatewayTimeoutPersona_StaticMappingTextPlain504()
    {
        using var client = await AuthorizedAsync();

        var response = await client.GetAsync($"fhir-r4/v1/Patient?identifier=https://fhir.kemkes.go.id/id/nik|{Personas.HealthGatewayTimeout.Nik}");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Gateway Timeout", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InjectedServerError_TextPlainReasonPhrase()
    {
        using var client = await AuthorizedAsync();
        fixture.Sims.SatuSehat.Faults.FailNext(1, 503);

        var response = await client.GetAsync($"fhir-r4/v1/Patient?identifier=https://fhir.kemkes.go.id/id/nik|{Personas.HappyPath.Nik}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Service Unavailable", await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> AuthorizedAsync()
    {
        var client = fixture.Client(AgencyIds.SatuSehat);
        var response = await client.PostAsync("oauth2/v1/accesstoken?grant_type=client_credentials", Form(fixture.Sims.Credentials.SatuSehatClientSecret));
        var token = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private FormUrlEncodedContent Form(string secret) => new(new Dictionary<string, string>
    {
        ["client_id"] = fixture.Sims.Credentials.SatuSehatClientId,
        ["client_secret"] = secret,
    });
}
