using System.Net;
using System.Text.Json;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Citizens;

public sealed class CitizenOverviewTests(HubFactory hub) : IClassFixture<HubFactory>, IDisposable
{
    public void Dispose()
    {
        hub.Agencies.BeforeAnswer = null;
        hub.Agencies.Down.Clear();
    }

    [Fact]
    public async Task Overview_ForHealthCare_CallsEveryAgencyAtOnceAndAuditsEachRead()
    {
        const string nik = "3273011505900011";
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        await portal.RecordConsentAsync(hub, nik, DataPurpose.HealthCare);
        // Neither agency answers before both were called: a sequential overview would wait here until the timeout.
        var started = 0;
        var bothCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Agencies.BeforeAnswer = _ =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothCalled.SetResult();
            }

            return bothCalled.Task.WaitAsync(TimeSpan.FromSeconds(20));
        };

        using var response = await portal.GetAsync($"/api/v1/citizens/{nik}/overview?purpose=health-care");
        var actions = await AccessLogActionsAsync(portal, nik);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = await ReadAsync(response);
        Assert.Equal("health-care", overview.GetProperty("purpose").GetString());
        var profile = Section(overview, "population.profile");
        Assert.Equal("ok", profile.GetProperty("status").GetString());
        Assert.Equal(["nik", "fullName", "birthPlace", "birthDate", "sex"], profile.GetProperty("data").EnumerateObject().Select(p => p.Name));
        var health = Section(overview, "health.summary");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("E11.9", health.GetProperty("data").GetProperty("conditions")[0].GetProperty("icd10Code").GetString());
        Assert.Empty(overview.GetProperty("omitted").EnumerateArray());
        Assert.Contains("citizen.profile.read", actions);
        Assert.Contains("citizen.health-summary.read", actions);
    }

    [Fact]
    public async Task Overview_OneAgencyDown_FailsOnlyItsSectionAndAuditsOnlyWhatWasRead()
    {
        const string nik = "3273011505900012";
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        await portal.RecordConsentAsync(hub, nik, DataPurpose.HealthCare);
        hub.Agencies.Down.Add("health.summary");

        using var response = await portal.GetAsync($"/api/v1/citizens/{nik}/overview?purpose=health-care");
        var actions = await AccessLogActionsAsync(portal, nik);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = await ReadAsync(response);
        Assert.Equal("ok", Section(overview, "population.profile").GetProperty("status").GetString());
        var health = Section(overview, "health.summary");
        Assert.Equal("failed", health.GetProperty("status").GetString());
        Assert.False(health.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null);
        Assert.Equal("transient", health.GetProperty("error").GetProperty("kind").GetString());
        Assert.Contains("citizen.profile.read", actions);
        Assert.DoesNotContain("citizen.health-summary.read", actions);
    }

    [Fact]
    public async Task Overview_TokenWithoutTheHealthScope_OmitsTheHealthSummaryForScope()
    {
        const string nik = "3273011505900013";
        using var full = await hub.ClientForAsync(HubFactory.PortalA);
        await full.RecordConsentAsync(hub, nik, DataPurpose.HealthCare);
        using var narrowed = await hub.ClientForAsync(HubFactory.PortalA, "data.identity");

        using var response = await narrowed.GetAsync($"/api/v1/citizens/{nik}/overview?purpose=health-care");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = await ReadAsync(response);
        Assert.Equal(["population.profile"], overview.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("capability").GetString()));
        var omitted = Assert.Single(overview.GetProperty("omitted").EnumerateArray());
        Assert.Equal("health.summary", omitted.GetProperty("capability").GetString());
        Assert.Equal("scope", omitted.GetProperty("reason").GetString());
        Assert.DoesNotContain(CallsFor(nik), c => c == "health.summary");
    }

    [Fact]
    public async Task Overview_ForAPurposeWithoutHealthData_OmitsTheHealthSummaryForPurpose()
    {
        const string nik = "3273011505900014";
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        await portal.RecordConsentAsync(hub, nik, DataPurpose.Passport);

        using var response = await portal.GetAsync($"/api/v1/citizens/{nik}/overview?purpose=passport");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = await ReadAsync(response);
        var profile = Section(overview, "population.profile").GetProperty("data");
        Assert.True(profile.TryGetProperty("address", out _));
        Assert.True(profile.TryGetProperty("motherName", out _));
        Assert.False(profile.TryGetProperty("bloodType", out _));
        var omitted = Assert.Single(overview.GetProperty("omitted").EnumerateArray());
        Assert.Equal("purpose", omitted.GetProperty("reason").GetString());
        Assert.Equal(["population.profile"], CallsFor(nik));
    }

    [Fact]
    public async Task Overview_WithoutConsent_Is403AndCallsNoAgency()
    {
        const string nik = "3273011505900015";
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.GetAsync($"/api/v1/citizens/{nik}/overview?purpose=health-care");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ConsentMissing);
        Assert.Empty(CallsFor(nik));
    }

    [Fact]
    public async Task Overview_TokenWithNoDataScopeThePurposeNeeds_Is403ScopeMissing()
    {
        const string nik = "3273011505900016";
        using var full = await hub.ClientForAsync(HubFactory.PortalA);
        await full.RecordConsentAsync(hub, nik, DataPurpose.HealthCare);
        using var narrowed = await hub.ClientForAsync(HubFactory.PortalA, "identity.verify data.address");

        using var response = await narrowed.GetAsync($"/api/v1/citizens/{nik}/overview?purpose=health-care");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ScopeMissing);
        Assert.Contains("data.health", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(CallsFor(nik));
    }

    private IReadOnlyList<string> CallsFor(string nik) => hub.Agencies.CallsFor(nik);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static JsonElement Section(JsonElement overview, string capability) =>
        Assert.Single(overview.GetProperty("sections").EnumerateArray(), s => s.GetProperty("capability").GetString() == capability);

    private static async Task<List<string?>> AccessLogActionsAsync(HttpClient portal, string nik)
    {
        using var log = await portal.GetAsync($"/api/v1/citizens/{nik}/access-log");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        var entries = JsonDocument.Parse(await log.Content.ReadAsStringAsync()).RootElement.GetProperty("entries");
        return [.. entries.EnumerateArray().Select(e => e.GetProperty("action").GetString())];
    }
}
