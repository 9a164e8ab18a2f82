using System.Net;
using System.Text.Json;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Consents;

public sealed class ConsentTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task GetAndRevoke_AnotherClientsConsent_Are404LikeAnUnknownId()
    {
        using var portalA = await hub.ClientForAsync(HubFactory.PortalA);
        using var portalB = await hub.ClientForAsync(HubFactory.PortalB);
        var consent = await portalA.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.Passport);

        using var read = await portalB.GetAsync($"/api/v1/consents/{consent}");
        using var revoke = await portalB.DeleteAsync(new Uri($"/api/v1/consents/{consent}", UriKind.Relative));
        using var unknown = await portalB.GetAsync($"/api/v1/consents/{Guid.NewGuid()}");
        using var stillThere = await portalA.GetAsync($"/api/v1/consents/{consent}");

        var readProblem = await read.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
        var unknownProblem = await unknown.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
        await revoke.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
        Assert.Equal(unknownProblem.GetProperty("detail").GetString(), readProblem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.DoesNotContain("revokedAt", await stillThere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"nik":"3273010101900001","purposes":[],"expiresAt":"2099-01-01T00:00:00Z","evidenceReference":"x"}""", "purposes")]
    [InlineData("""{"nik":"3273010101900001","purposes":["passport"],"expiresAt":"2001-01-01T00:00:00Z","evidenceReference":"x"}""", "expiresAt")]
    [InlineData("""{"nik":"3273010101900001","purposes":["passport"],"expiresAt":"2099-01-01T00:00:00Z","evidenceReference":"x"}""", "expiresAt")]
    [InlineData("""{"nik":"3273010101900001","purposes":["passport","passport"],"expiresAt":"2099-01-01T00:00:00Z","evidenceReference":"x"}""", "purposes")]
    public async Task Record_InvalidConsent_Is400NamingTheField(string body, string field)
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.PostJsonAsync("/api/v1/consents", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.Validation);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task Record_WithEmptyEvidence_Is400()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var body = JsonSerializer.Serialize(new
        {
            nik = TestCitizens.Budi, purposes = new[] { "passport" }, expiresAt = hub.Clock.GetUtcNow().AddDays(1), evidenceReference = " ",
        });

        using var response = await portal.PostJsonAsync("/api/v1/consents", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.Validation);
        Assert.True(problem.GetProperty("errors").TryGetProperty("evidenceReference", out _));
    }
}
