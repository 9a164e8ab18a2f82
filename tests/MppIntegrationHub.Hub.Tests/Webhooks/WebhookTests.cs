using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Tests.Support;
using MppIntegrationHub.Hub.Webhooks;

namespace MppIntegrationHub.Hub.Tests.Webhooks;

public sealed class WebhookTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task StatusChange_IsDeliveredSignedAndRetriedAfterAFailure()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failures: 1);
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        using var created = await portal.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url = receiver.Url });
        var webhook = (await created.Content.ReadFromJsonAsync<Webhook>(hub.Json))!;

        var applicationId = await SubmitAsync(portal, TestCitizens.Budi);
        var signal = hub.Services.GetRequiredService<WebhookSignal>();
        var failed = await receiver.WaitForAsync(b => b.Contains(applicationId.ToString(), StringComparison.Ordinal), 500, TimeSpan.FromSeconds(20));
        // The application may change status more than once; follow the one delivery that met the failure.
        var delivered = await receiver.WaitForAsync(
            b => b == failed.Body, 204, TimeSpan.FromSeconds(20),
            () => { hub.Clock.Advance(TimeSpan.FromSeconds(15)); signal.Wake(); });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(64, webhook.Secret!.Length);
        Assert.Equal(failed.Body, delivered.Body);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhook.Secret), Encoding.UTF8.GetBytes(delivered.Body)));
        Assert.Equal(expected, delivered.Signature);
        var payload = JsonSerializer.Deserialize<WebhookEvent>(delivered.Body, hub.Json)!;
        Assert.Equal(WebhookService.StatusChanged, payload.Type);
        Assert.Equal(applicationId, payload.Data.ApplicationId);

        var deliveries = await portal.GetFromJsonAsync<List<WebhookDeliveryView>>(new Uri($"/api/v1/webhooks/{webhook.Id}/deliveries", UriKind.Relative), hub.Json);
        var attempts = deliveries!.Single(d => d.Id == payload.Id);
        Assert.Equal(WebhookDeliveryStatus.Delivered, attempts.Status);
        Assert.Equal([500, 204], attempts.AttemptLog.Select(a => a.StatusCode ?? 0));
    }

    [Fact]
    public async Task AnotherClientsWebhook_Is404OnEveryOperationAndNotListed()
    {
        using var portalA = await hub.ClientForAsync(HubFactory.PortalA);
        using var portalB = await hub.ClientForAsync(HubFactory.PortalB);
        using var created = await portalA.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url = "https://portal-a.example/hooks" });
        var webhook = (await created.Content.ReadFromJsonAsync<Webhook>(hub.Json))!;

        using var read = await portalB.GetAsync($"/api/v1/webhooks/{webhook.Id}");
        using var deliveries = await portalB.GetAsync($"/api/v1/webhooks/{webhook.Id}/deliveries");
        using var delete = await portalB.DeleteAsync(new Uri($"/api/v1/webhooks/{webhook.Id}", UriKind.Relative));
        var listB = await portalB.GetFromJsonAsync<List<Webhook>>(new Uri("/api/v1/webhooks", UriKind.Relative), hub.Json);
        using var stillThere = await portalA.GetAsync($"/api/v1/webhooks/{webhook.Id}");

        await read.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
        await deliveries.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
        await delete.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
        Assert.DoesNotContain(listB!, w => w.Id == webhook.Id);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.DoesNotContain("secret", await stillThere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://portal.example/hooks")]
    [InlineData("http://portal.example/hooks")]
    [InlineData("https://user:pass@portal.example/hooks")]
    [InlineData("/relative/hooks")]
    [InlineData("https://10.1.2.3/hooks")]
    [InlineData("https://172.20.0.1/hooks")]
    [InlineData("https://192.168.1.10/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://100.64.0.1/hooks")]
    [InlineData("https://[fd00::1]/hooks")]
    [InlineData("https://[fe80::1]/hooks")]
    [InlineData("https://[::ffff:10.0.0.1]/hooks")]
    [InlineData("https://0.0.0.0/hooks")]
    public async Task Create_WithUnacceptableUrl_Is400(string url)
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.PostJsonAsync("/api/v1/webhooks", JsonSerializer.Serialize(new { url }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _), problem.GetRawText());
    }

    [Fact]
    public void Backoff_DoublesPerAttemptWithinJitterAndIsCapped()
    {
        var settings = new WebhookOptions { FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(5) };

        var delays = Enumerable.Range(1, 10).Select(n => WebhookDispatcher.Backoff(n, settings)).ToList();

        Assert.InRange(delays[0].TotalSeconds, 8, 12);
        Assert.InRange(delays[2].TotalSeconds, 32, 48);
        Assert.All(delays.Skip(6), d => Assert.InRange(d.TotalMinutes, 4, 6));
    }

    private async Task<Guid> SubmitAsync(HttpClient portal, string nik)
    {
        var consent = await portal.RecordConsentAsync(hub, nik, DataPurpose.DrivingLicence);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/applications", UriKind.Relative))
        {
            Content = JsonContent.Create(new SubmitApplicationRequest
            {
                ServiceCode = ServiceCodes.SimRenewal,
                Nik = nik.ToNik(),
                ConsentId = consent,
                Inputs = new Dictionary<string, JsonElement>
                {
                    ["fullName"] = JsonDocument.Parse("\"BUDI SANTOSO\"").RootElement.Clone(),
                    ["licenceClass"] = JsonDocument.Parse("\"c\"").RootElement.Clone(),
                },
            }, options: hub.Json),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await portal.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ServiceApplication>(hub.Json))!.Id;
    }
}
