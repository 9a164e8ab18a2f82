using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Hub.Applications;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Tests.Support;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Hub.Tests.Applications;

public sealed class ApplicationTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Submit_SameKeyTwice_CreatesOneApplication()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var nik = "3273011506880005";
        var consent = await portal.RecordConsentAsync(hub, nik, DataPurpose.PoliceClearance);
        var key = Guid.NewGuid().ToString();

        using var first = await SubmitAsync(portal, key, Skck(nik, consent, "MELAMAR PEKERJAAN"));
        using var second = await SubmitAsync(portal, key, Skck(nik, consent, "MELAMAR PEKERJAAN"));
        var page = await portal.GetFromJsonAsync<ApplicationPage>(new Uri("/api/v1/applications?serviceCode=SKCK_NEW&pageSize=100", UriKind.Relative), hub.Json);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var application = (await first.Content.ReadFromJsonAsync<ServiceApplication>(hub.Json))!;
        Assert.Equal(new Uri($"/api/v1/applications/{application.Id}", UriKind.Relative), first.Headers.Location);
        Assert.Single(page!.Items, a => a.Id == application.Id);
        Assert.Equal(page.Total, page.Items.Count);
    }

    [Fact]
    public async Task Submit_SameKeyWithDifferentBody_Is422()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var nik = "3273011606880006";
        var consent = await portal.RecordConsentAsync(hub, nik, DataPurpose.PoliceClearance);
        var key = Guid.NewGuid().ToString();

        using var first = await SubmitAsync(portal, key, Skck(nik, consent, "MELAMAR PEKERJAAN"));
        using var second = await SubmitAsync(portal, key, Skck(nik, consent, "PENCALONAN"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await second.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, HubProblems.Types.IdempotencyKeyReused);
    }

    [Fact]
    public async Task Submit_WithoutIdempotencyKey_Is400()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var consent = await portal.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.PoliceClearance);

        using var response = await SubmitAsync(portal, null, Skck(TestCitizens.Budi, consent, "X"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.IdempotencyKeyMissing);
    }

    [Fact]
    public async Task Submit_UnknownService_Is422UnknownService()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var consent = await portal.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.ServiceApplication);
        var request = Skck(TestCitizens.Budi, consent, "X") with { ServiceCode = "FISHING_LICENCE" };

        using var response = await SubmitAsync(portal, Guid.NewGuid().ToString(), request);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, HubProblems.Types.UnknownService);
    }

    [Fact]
    public async Task Submit_WithInvalidInputs_Is400AndFreesTheKey()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var consent = await portal.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.PoliceClearance);
        var key = Guid.NewGuid().ToString();
        var bad = Skck(TestCitizens.Budi, consent, "X") with { Inputs = new Dictionary<string, JsonElement> { ["officeLevel"] = Json("\"kapolri\"") } };

        using var rejected = await SubmitAsync(portal, key, bad);
        using var corrected = await SubmitAsync(portal, key, Skck(TestCitizens.Budi, consent, "X"));

        var problem = await rejected.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.Validation);
        Assert.True(problem.GetProperty("errors").TryGetProperty("inputs", out _));
        Assert.Equal(HttpStatusCode.Accepted, corrected.StatusCode);
    }

    [Fact]
    public async Task Submit_WithoutTheServiceScope_Is403()
    {
        using var full = await hub.ClientForAsync(HubFactory.PortalA);
        var consent = await full.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.PoliceClearance);
        using var narrowed = await hub.ClientForAsync(HubFactory.PortalA, "applications service:SIM_RENEWAL");

        using var response = await SubmitAsync(narrowed, Guid.NewGuid().ToString(), Skck(TestCitizens.Budi, consent, "X"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ScopeMissing);
    }

    [Fact]
    public async Task Submit_UnderAnotherClientsConsent_Is403ConsentMissing()
    {
        using var portalA = await hub.ClientForAsync(HubFactory.PortalA);
        using var portalB = await hub.ClientForAsync(HubFactory.PortalB);
        var consentOfA = await portalA.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.PoliceClearance);

        using var response = await SubmitAsync(portalB, Guid.NewGuid().ToString(), Skck(TestCitizens.Budi, consentOfA, "X"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ConsentMissing);
    }

    [Fact]
    public async Task Submit_UnderAConsentForAnotherPurpose_Is403ConsentMissing()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var passportOnly = await portal.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.Passport);

        using var response = await SubmitAsync(portal, Guid.NewGuid().ToString(), Skck(TestCitizens.Budi, passportOnly, "X"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, HubProblems.Types.ConsentMissing);
    }

    [Fact]
    public async Task ReadAndCancel_AnotherClientsApplication_Are404AndItIsNotListed()
    {
        using var portalA = await hub.ClientForAsync(HubFactory.PortalA);
        using var portalB = await hub.ClientForAsync(HubFactory.PortalB);
        var consent = await portalA.RecordConsentAsync(hub, TestCitizens.Siti, DataPurpose.PoliceClearance);
        using var submitted = await SubmitAsync(portalA, Guid.NewGuid().ToString(), Skck(TestCitizens.Siti, consent, "X"));
        var id = (await submitted.Content.ReadFromJsonAsync<ServiceApplication>(hub.Json))!.Id;

        using var read = await portalB.GetAsync($"/api/v1/applications/{id}");
        using var cancel = await portalB.PostAsync(new Uri($"/api/v1/applications/{id}/cancel", UriKind.Relative), null);
        var listB = await portalB.GetFromJsonAsync<ApplicationPage>(new Uri("/api/v1/applications?pageSize=100", UriKind.Relative), hub.Json);
        using var ownRead = await portalA.GetAsync($"/api/v1/applications/{id}");

        await read.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
        await cancel.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
        Assert.DoesNotContain(listB!.Items, a => a.Id == id);
        Assert.Equal(HttpStatusCode.OK, ownRead.StatusCode);
    }

    [Fact]
    public async Task Cancel_OwnRunningApplication_Is202AndItEndsCancelled()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var consent = await portal.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.PoliceClearance);
        using var submitted = await SubmitAsync(portal, Guid.NewGuid().ToString(), Skck(TestCitizens.Budi, consent, "X"));
        var id = (await submitted.Content.ReadFromJsonAsync<ServiceApplication>(hub.Json))!.Id;

        using var cancel = await portal.PostAsync(new Uri($"/api/v1/applications/{id}/cancel", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var status = (await cancel.Content.ReadFromJsonAsync<ServiceApplication>(hub.Json))!.Status;
        Assert.Contains(status, new[] { ApplicationStatus.Cancelling, ApplicationStatus.Cancelled, ApplicationStatus.Compensating });
    }

    [Fact]
    public async Task Submit_AfterACrashBeforeTheEngineCommitted_KeyIsTakenOverOnceTheClaimIsAbandoned()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var nik = "3273011706880007";
        var consent = await portal.RecordConsentAsync(hub, nik, DataPurpose.PoliceClearance);
        var key = Guid.NewGuid().ToString();
        using var first = await SubmitAsync(portal, key, Skck(nik, consent, "MELAMAR PEKERJAAN"));
        var id = (await first.Content.ReadFromJsonAsync<ServiceApplication>(hub.Json))!.Id;
        await ForgetApplicationAsync(portal, id); // as if the process died after claiming the key, before the engine's commit

        using var meanwhile = await SubmitAsync(portal, key, Skck(nik, consent, "MELAMAR PEKERJAAN"));
        hub.Clock.Advance(ApplicationService.AbandonedClaimAfter + TimeSpan.FromSeconds(1));
        using var retried = await SubmitAsync(portal, key, Skck(nik, consent, "MELAMAR PEKERJAAN"));
        using var again = await SubmitAsync(portal, key, Skck(nik, consent, "MELAMAR PEKERJAAN"));

        await meanwhile.AssertProblemAsync(HttpStatusCode.Conflict, HubProblems.Types.Conflict);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        using var read = await portal.GetAsync($"/api/v1/applications/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task List_WithUnknownStatus_Is400()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.GetAsync("/api/v1/applications?status=lost&pageSize=1000");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.Validation);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Services_ListsTheFourCatalogueServices()
    {
        using var portal = await hub.ClientForAsync(HubFactory.Auditor);

        var services = await portal.GetFromJsonAsync<List<ServiceDescription>>(new Uri("/api/v1/services", UriKind.Relative), hub.Json);

        Assert.Equal(
            [ServiceCodes.KtpReplacement, ServiceCodes.PasporNew, ServiceCodes.SimRenewal, ServiceCodes.SkckNew],
            services!.Select(s => s.Code).Order(StringComparer.Ordinal));
    }

    private Task<HttpResponseMessage> SubmitAsync(HttpClient http, string? key, SubmitApplicationRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/applications", UriKind.Relative))
        {
            Content = JsonContent.Create(request, options: hub.Json),
        };
        if (key is not null)
        {
            message.Headers.Add("Idempotency-Key", key);
        }

        return http.SendAsync(message);
    }

    /// <summary>Waits until the engine has stopped touching the application (its first attempt found the agency down), then deletes its rows.</summary>
    private async Task ForgetApplicationAsync(HttpClient portal, Guid id)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var application = (await portal.GetFromJsonAsync<ServiceApplication>(new Uri($"/api/v1/applications/{id}", UriKind.Relative), hub.Json, deadline.Token))!;
            if (application.Status == ApplicationStatus.Paused)
            {
                break;
            }

            await Task.Delay(50, deadline.Token);
        }

        await using var db = await hub.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        await db.Steps.Where(s => s.ApplicationId == id).ExecuteDeleteAsync();
        await db.Applications.Where(a => a.Id == id).ExecuteDeleteAsync();
    }

    private static SubmitApplicationRequest Skck(string nik, Guid consent, string purpose) => new()
    {
        ServiceCode = ServiceCodes.SkckNew,
        Nik = nik.ToNik(),
        ConsentId = consent,
        Inputs = new Dictionary<string, JsonElement>
        {
            ["fullName"] = Json("\"BUDI SANTOSO\""),
            ["purpose"] = Json($"\"{purpose}\""),
            ["officeLevel"] = Json("\"polres\""),
            ["officeRegion"] = Json("\"3273\""),
        },
    };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
