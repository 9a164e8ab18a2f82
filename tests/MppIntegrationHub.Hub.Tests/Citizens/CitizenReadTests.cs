using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Citizens;

public sealed class CitizenReadTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Profile_WithConsentAndScope_ReturnsOnlyTheFieldsThePurposeNeeds()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        await portal.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.IdentityVerification, DataPurpose.DrivingLicence);

        using var identityOnly = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Budi}/profile?purpose=identity-verification");
        using var driving = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Budi}/profile?purpose=driving-licence");

        Assert.Equal(HttpStatusCode.OK, identityOnly.StatusCode);
        var minimal = JsonDocument.Parse(await identityOnly.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["nik", "fullName", "birthPlace", "birthDate", "sex"], minimal.EnumerateObject().Select(p => p.Name));
        var full = (await driving.Content.ReadFromJsonAsync<CitizenProfile>(hub.Json))!;
        Assert.NotNull(full.Address);
        Assert.NotNull(full.BloodType);
        Assert.Null(full.MotherName);
        Assert.Null(full.KkNumber);
    }

    [Fact]
    public async Task Profile_WithoutConsent_Is403ConsentMissing()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Siti}/profile?purpose=passport");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ConsentMissing);
        Assert.DoesNotContain("fullName", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_UnderAnotherClientsConsent_Is403ConsentMissing()
    {
        using var portalA = await hub.ClientForAsync(HubFactory.PortalA);
        using var portalB = await hub.ClientForAsync(HubFactory.PortalB);
        await portalA.RecordConsentAsync(hub, TestCitizens.Siti, DataPurpose.Passport);

        using var response = await portalB.GetAsync($"/api/v1/citizens/{TestCitizens.Siti}/profile?purpose=passport");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ConsentMissing);
    }

    [Fact]
    public async Task Profile_ForAPurposeTheConsentDoesNotName_Is403ConsentMissing()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        await portal.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.Passport);

        using var response = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Budi}/profile?purpose=police-clearance");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ConsentMissing);
    }

    [Fact]
    public async Task Profile_AfterTheConsentExpired_Is403ConsentMissing()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var nik = "3273012203950003";
        await portal.RecordConsentAsync(hub, nik, TimeSpan.FromHours(1), DataPurpose.PopulationDocument);
        using var before = await portal.GetAsync($"/api/v1/citizens/{nik}/profile?purpose=population-document");

        hub.Clock.Advance(TimeSpan.FromHours(2));
        using var renewed = await hub.ClientForAsync(HubFactory.PortalA);
        using var after = await renewed.GetAsync($"/api/v1/citizens/{nik}/profile?purpose=population-document");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await after.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ConsentMissing);
    }

    [Fact]
    public async Task Profile_AfterTheConsentWasRevoked_Is403ConsentMissing()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var nik = "3273012304960004";
        var consent = await portal.RecordConsentAsync(hub, nik, DataPurpose.ServiceApplication);

        using var revoked = await portal.DeleteAsync(new Uri($"/api/v1/consents/{consent}", UriKind.Relative));
        using var response = await portal.GetAsync($"/api/v1/citizens/{nik}/profile?purpose=service-application");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ConsentMissing);
    }

    [Fact]
    public async Task Profile_WithTokenLackingTheCategoryScope_Is403ScopeMissing()
    {
        using var full = await hub.ClientForAsync(HubFactory.PortalA);
        await full.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.Passport);
        using var narrowed = await hub.ClientForAsync(HubFactory.PortalA, "data.identity data.address");

        using var response = await narrowed.GetAsync($"/api/v1/citizens/{TestCitizens.Budi}/profile?purpose=passport");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ScopeMissing);
        Assert.Contains("data.family", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("marketing")]
    [InlineData("IdentityVerification")]
    public async Task Profile_WithUnknownPurpose_Is400NamingThePurposeField(string purpose)
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Budi}/profile?purpose={purpose}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.Validation);
        Assert.True(problem.GetProperty("errors").TryGetProperty("purpose", out _));
    }

    [Theory]
    [InlineData("327301010190000", "length")]
    [InlineData("3273O10101900001", "digits")]
    [InlineData("9973010101900001", "province")]
    [InlineData("3273010113900001", "month")]
    [InlineData("3273013202900001", "day")]
    [InlineData("3273010101900000", "serial")]
    public async Task Profile_WithInvalidNik_Is400NamingTheBrokenRule(string nik, string rule)
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.GetAsync($"/api/v1/citizens/{nik}/profile?purpose=passport");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.Validation);
        Assert.Equal(rule, problem.GetProperty("nikRule").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("nik", out _));
    }

    [Fact]
    public async Task Profile_WhenTheRegistryIsDown_Is503WithRetryAfter()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        await portal.RecordConsentAsync(hub, TestCitizens.Unreachable, DataPurpose.IdentityVerification);

        using var response = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Unreachable}/profile?purpose=identity-verification");

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, HubProblems.Types.AgencyUnavailable);
        Assert.Equal("42", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task HealthSummary_WithFhirAccept_ReturnsAFhirR4Bundle()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        await portal.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.HealthCare);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/citizens/{TestCitizens.Budi}/health-summary?purpose=health-care", UriKind.Relative));
        request.Headers.Accept.ParseAdd("application/fhir+json");

        using var response = await portal.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Bundle", bundle.GetProperty("resourceType").GetString());
        Assert.Equal("collection", bundle.GetProperty("type").GetString());
        var types = bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("resourceType").GetString()).ToList();
        Assert.Equal(["Patient", "Condition", "Immunization", "Observation", "Encounter"], types);
    }

    [Fact]
    public async Task HealthSummary_ForAPurposeWithoutHealthData_Is403()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        await portal.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.Passport);

        using var response = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Budi}/health-summary?purpose=passport");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ScopeMissing);
    }

    [Fact]
    public async Task Verify_WithMatchingName_ReturnsTheVerdictAndAuditsTheCheck()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.PostJsonAsync("/api/v1/identity/verifications", $$"""{"nik":"{{TestCitizens.Budi}}","fullName":"BUDI SANTOSO"}""");
        using var log = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Budi}/access-log");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("verified", result.GetProperty("decision").GetString());
        var entries = JsonDocument.Parse(await log.Content.ReadAsStringAsync()).RootElement.GetProperty("entries");
        Assert.Contains(entries.EnumerateArray(), e => e.GetProperty("action").GetString() == "identity.verify" && e.GetProperty("client").GetString() == HubFactory.PortalA);
    }

    [Fact]
    public async Task Verify_WithFaceImageButNoBiometricScope_Is403()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA, "identity.verify");
        var face = Convert.ToBase64String(new byte[1024]);

        using var response = await portal.PostJsonAsync("/api/v1/identity/verifications", $$"""{"nik":"{{TestCitizens.Budi}}","faceImage":"{{face}}"}""");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ScopeMissing);
    }
}
