using System.Net;
using System.Net.Http.Json;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Operators;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Operators;

/// <summary>The operator API on fake agencies: every workflow step meets an hour-long agency outage, so applications stay paused.</summary>
public sealed class OperatorApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task List_ApplicationsOfTwoPortals_OperatorSeesBothWithTheirClients()
    {
        using var portalA = await hub.ClientForAsync(HubFactory.PortalA);
        using var portalB = await hub.ClientForAsync(HubFactory.PortalB);
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);
        var ofA = await portalA.SubmitSkckAsync(hub, "3273011707880007");
        var ofB = await portalB.SubmitSkckAsync(hub, "3273011807880008");

        var page = await operatorClient.GetFromJsonAsync<OperatorApplicationPage>(
            new Uri("/api/v1/operator/applications?serviceCode=SKCK_NEW&pageSize=100", UriKind.Relative), hub.Json);

        Assert.Contains(page!.Items, a => a.Id == ofA.Id && a.ClientId == HubFactory.PortalA);
        Assert.Contains(page.Items, a => a.Id == ofB.Id && a.ClientId == HubFactory.PortalB);
        Assert.All(page.Items, a => Assert.Equal("SKCK_NEW", a.ServiceCode));
    }

    [Fact]
    public async Task List_FilteredByClient_ShowsOnlyThatClient()
    {
        using var portalB = await hub.ClientForAsync(HubFactory.PortalB);
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);
        await portalB.SubmitSkckAsync(hub, "3273011907880009");

        var page = await operatorClient.GetFromJsonAsync<OperatorApplicationPage>(
            new Uri($"/api/v1/operator/applications?clientId={HubFactory.PortalB}", UriKind.Relative), hub.Json);

        Assert.NotEmpty(page!.Items);
        Assert.All(page.Items, a => Assert.Equal(HubFactory.PortalB, a.ClientId));
    }

    [Fact]
    public async Task List_WithInvalidFilters_Is400NamingEachField()
    {
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);

        using var response = await operatorClient.GetAsync("/api/v1/operator/applications?status=stuck&clientId=no%20such&pageSize=0");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.Validation);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("clientId", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Get_AnotherPortalsApplication_ReturnsItWithClientAndTimelineAndAuditsTheRead()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);
        var submitted = await portal.SubmitSkckAsync(hub, "3273012007880001");

        var view = await operatorClient.GetFromJsonAsync<OperatorApplication>(new Uri($"/api/v1/operator/applications/{submitted.Id}", UriKind.Relative), hub.Json);

        Assert.Equal(HubFactory.PortalA, view!.ClientId);
        Assert.Equal(submitted.Id, view.Application.Id);
        Assert.NotEmpty(view.Application.Steps);
        Assert.True(await hub.OperatorAuditedAsync(AuditActions.OperatorApplicationRead, submitted.Id.ToString()));
    }

    [Fact]
    public async Task Get_UnknownApplication_Is404Problem()
    {
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);

        using var response = await operatorClient.GetAsync($"/api/v1/operator/applications/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
    }

    [Fact]
    public async Task Retry_ApplicationThatHasNotFailed_Is409AndChangesNothing()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);
        var submitted = await portal.SubmitSkckAsync(hub, "3273012107880002");

        using var response = await operatorClient.PostJsonAsync($"/api/v1/operator/applications/{submitted.Id}/retry", """{"stepId":"verify-identity"}""");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, HubProblems.Types.Conflict);
        Assert.False(await hub.OperatorAuditedAsync(AuditActions.OperatorRetry, submitted.Id.ToString()));
    }

    [Fact]
    public async Task Retry_UnknownApplication_Is404Problem()
    {
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);

        using var response = await operatorClient.PostJsonAsync($"/api/v1/operator/applications/{Guid.NewGuid()}/retry", """{"stepId":"verify-identity"}""");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
    }

    [Fact]
    public async Task Retry_WithoutStep_Is400()
    {
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);

        using var response = await operatorClient.PostJsonAsync($"/api/v1/operator/applications/{Guid.NewGuid()}/retry", """{"stepId":" "}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.Validation);
        Assert.True(problem.GetProperty("errors").TryGetProperty("stepId", out _));
    }

    [Fact]
    public async Task Cancel_PausedApplication_CancelsItAuditsAndRefusesASecondCancel()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);
        var submitted = await portal.SubmitSkckAsync(hub, "3273012207880003");

        using var cancelled = await operatorClient.PostJsonAsync($"/api/v1/operator/applications/{submitted.Id}/cancel", """{"reason":"citizen asked at the counter"}""");
        var finished = await portal.WaitForApplicationAsync(hub, submitted.Id, a => a.Status == ApplicationStatus.Cancelled, TimeSpan.FromSeconds(30));
        using var again = await operatorClient.PostJsonAsync($"/api/v1/operator/applications/{submitted.Id}/cancel", """{"reason":"twice"}""");

        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        Assert.Contains("citizen asked at the counter", finished.StatusReason, StringComparison.Ordinal);
        Assert.True(await hub.OperatorAuditedAsync(AuditActions.OperatorCancel, submitted.Id.ToString()));
        await again.AssertProblemAsync(HttpStatusCode.Conflict, HubProblems.Types.Conflict);
    }

    [Fact]
    public async Task Cancel_WithoutReason_Is400()
    {
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);

        using var response = await operatorClient.PostJsonAsync($"/api/v1/operator/applications/{Guid.NewGuid()}/cancel", """{"reason":""}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.Validation);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task StopRetries_AgencyWithoutAdapter_Is404Problem()
    {
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);

        using var response = await operatorClient.PostJsonAsync("/api/v1/operator/agencies/atlantis/retries/stop", """{"reason":"drill"}""");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
    }
}
