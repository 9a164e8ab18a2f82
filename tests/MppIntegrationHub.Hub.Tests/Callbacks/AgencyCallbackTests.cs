using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Tests.Support;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Hub.Tests.Callbacks;

/// <summary>
/// Polri's callbacks against the real SKCK translator. The fake agencies keep every step in retry for an hour, so a
/// step that moves on did so because of the callback, not a poll; the clock never moves in these tests.
/// </summary>
public sealed class AgencyCallbackTests(HubFactory hub) : IClassFixture<HubFactory>
{
    // Dated by the test clock: a fixed date would fall out of the replay window as the calendar moves on.
    private string UnknownCase => $$"""{"nomor_registrasi":"SKCK-3273-20261123-999999","status":"VERIFIKASI","diperbarui":"{{Stamp(hub.Clock.GetUtcNow())}}"}""";

    [Fact]
    public async Task Callback_ForAWaitingCase_EndsTheWaitWithoutAClockAdvance_AndIsAudited()
    {
        var (application, reference) = await WaitingSkckCaseAsync("3273011806880008", "000801");
        var body = Issued(reference);
        using var http = hub.CreateClient();

        using var response = await PostAsync(http, "skck", body, Sign(HubFactory.CallbackSecret, body));
        var step = await WaitForStepAsync(application, "wait-issuance", s => s.Status == StepStatus.Succeeded);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(StepStatus.Succeeded, step.Status);
        using var auditor = await hub.ClientForAsync(HubFactory.Auditor);
        var page = await auditor.GetFromJsonAsync<AuditPage>(new Uri("/api/v1/audit?limit=500", UriKind.Relative), hub.Json);
        Assert.Contains(page!.Records, r => r.Client == "agency:skck" && r.Resource == reference);
    }

    [Fact]
    public async Task Callback_Replayed_Is409()
    {
        var (_, reference) = await WaitingSkckCaseAsync("3273011906880009", "000802");
        var body = Issued(reference);
        using var http = hub.CreateClient();

        using var first = await PostAsync(http, "skck", body, Sign(HubFactory.CallbackSecret, body));
        using var replay = await PostAsync(http, "skck", body, Sign(HubFactory.CallbackSecret, body));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await replay.AssertProblemAsync(HttpStatusCode.Conflict, HubProblems.Types.Conflict);
    }

    [Theory]
    [InlineData(false, "3273012006880010", "000803")]
    [InlineData(true, "3273012106880011", "000804")]
    public async Task Callback_NotQueued_Is503_AndTheAgencysRetryIsTaken(bool brokerHangs, string nik, string serial)
    {
        var (application, reference) = await WaitingSkckCaseAsync(nik, serial);
        var body = Issued(reference);
        using var http = hub.CreateClient();

        HttpResponseMessage refused;
        using (hub.Services.GetRequiredService<IBus>().ConnectPublishObserver(new RefusingPublishes(brokerHangs)))
        {
            refused = await PostAsync(http, "skck", body, Sign(HubFactory.CallbackSecret, body));
        }

        using var retried = await PostAsync(http, "skck", body, Sign(HubFactory.CallbackSecret, body));
        var step = await WaitForStepAsync(application, "wait-issuance", s => s.Status == StepStatus.Succeeded);

        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, HubProblems.Types.Unavailable);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        refused.Dispose();
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(StepStatus.Succeeded, step.Status);
    }

    [Fact]
    public async Task Callback_OlderThanTheReplayWindow_Is422()
    {
        var (_, reference) = await WaitingSkckCaseAsync("3273012006880010", "000803");
        var body = Issued(reference, hub.Clock.GetUtcNow() - TimeSpan.FromDays(8));
        using var http = hub.CreateClient();

        using var response = await PostAsync(http, "skck", body, Sign(HubFactory.CallbackSecret, body));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, HubProblems.Types.Validation);
    }

    [Fact]
    public async Task Callback_ForAnUnknownCase_Is404WithoutEchoingIt()
    {
        using var http = hub.CreateClient();

        using var response = await PostAsync(http, "skck", UnknownCase, Sign(HubFactory.CallbackSecret, UnknownCase));

        await response.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
        Assert.DoesNotContain("999999", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("skck", "sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("skck", "")]
    [InlineData("skck", "sha1=abc")]
    [InlineData("skck", "sha256=zz")]
    [InlineData("sim", "valid-for-skck")]
    [InlineData("unknown-agency", "valid-for-skck")]
    public async Task Callback_WithBadOrForeignSignature_Is401(string agency, string signature)
    {
        using var http = hub.CreateClient();
        var header = signature == "valid-for-skck" ? Sign(HubFactory.CallbackSecret, UnknownCase) : signature;

        using var response = await PostAsync(http, agency, UnknownCase, header);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, HubProblems.Types.SignatureInvalid);
    }

    [Fact]
    public async Task Callback_WithAPortalTokenInsteadOfASignature_Is401()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await PostAsync(portal, "skck", UnknownCase, null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, HubProblems.Types.SignatureInvalid);
    }

    [Theory]
    [InlineData("""{"hello":"world"}""")]
    [InlineData("""{"nomor_registrasi":"SKCK-1","status":"ENTAH","diperbarui":"2026-11-23T10:00:00+07:00"}""")]
    [InlineData("""{"nomor_registrasi":"SKCK-1","status":"TERBIT","diperbarui":"kemarin"}""")]
    [InlineData("""[1,2,3]""")]
    public async Task Callback_SignedButNotACase_Is422(string body)
    {
        using var http = hub.CreateClient();

        using var response = await PostAsync(http, "skck", body, Sign(HubFactory.CallbackSecret, body));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    private string Issued(string reference, DateTimeOffset? at = null)
    {
        var updated = Stamp(at ?? hub.Clock.GetUtcNow());
        return $$"""{"nomor_registrasi":"{{reference}}","status":"TERBIT","diperbarui":"{{updated}}","nomor_skck":"SKCK/000123/XI/2026/POLRES","berlaku_sampai":"2027-05-23"}""";
    }

    private static string Stamp(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// An SKCK application whose issuance step waits on Polri's case <c>SKCK-3273-20261123-{serial}</c>: submitted through
    /// the API, then its wait step set as the engine leaves it after submitting to Polri.
    /// </summary>
    private async Task<(Guid Application, string Reference)> WaitingSkckCaseAsync(string nik, string serial)
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var consent = await portal.RecordConsentAsync(hub, nik, DataPurpose.PoliceClearance);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/applications", UriKind.Relative))
        {
            Content = JsonContent.Create(new SubmitApplicationRequest
            {
                ServiceCode = ServiceCodes.SkckNew,
                Nik = nik.ToNik(),
                ConsentId = consent,
                Inputs = new Dictionary<string, JsonElement>
                {
                    ["fullName"] = JsonSerializer.SerializeToElement("BUDI SANTOSO"),
                    ["purpose"] = JsonSerializer.SerializeToElement("MELAMAR PEKERJAAN"),
                    ["officeLevel"] = JsonSerializer.SerializeToElement("polres"),
                    ["officeRegion"] = JsonSerializer.SerializeToElement("3273"),
                },
            }, options: hub.Json),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var submitted = await portal.SendAsync(request);
        var id = (await submitted.Content.ReadFromJsonAsync<ServiceApplication>(hub.Json))!.Id;
        await WaitForStepAsync(id, "verify-identity", s => s.Status == StepStatus.RetryScheduled);

        var reference = $"SKCK-3273-20261123-{serial}";
        await using var db = await hub.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        await db.Steps.Where(s => s.ApplicationId == id && s.StepId == "wait-issuance")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StepStatus.Waiting).SetProperty(x => x.CorrelationRef, reference));
        return (id, reference);
    }

    private async Task<ApplicationStep> WaitForStepAsync(Guid application, string stepId, Func<ApplicationStep, bool> done)
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var read = (await portal.GetFromJsonAsync<ServiceApplication>(new Uri($"/api/v1/applications/{application}", UriKind.Relative), hub.Json, deadline.Token))!;
            var step = read.Steps.Single(s => s.Id == stepId);
            if (done(step))
            {
                return step;
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string agency, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/agency-callbacks/{agency}", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Agency-Signature", signature);
        }

        return http.SendAsync(request);
    }

    /// <summary>A bus that cannot take messages just now: it refuses them, or waits for a broker that does not answer.</summary>
    private sealed class RefusingPublishes(bool hang) : IPublishObserver
    {
        public Task PrePublish<T>(PublishContext<T> context) where T : class =>
            hang ? Task.Delay(Timeout.Infinite, context.CancellationToken) : throw new InvalidOperationException("The broker is unreachable.");

        public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    private static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
