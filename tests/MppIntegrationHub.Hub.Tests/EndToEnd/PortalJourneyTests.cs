using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Contracts.Verification;
using MppIntegrationHub.Hub.Tests.Support;
using MppIntegrationHub.Hub.Webhooks;
using MppIntegrationHub.Simulators.People;
using Xunit.Abstractions;

namespace MppIntegrationHub.Hub.Tests.EndToEnd;

/// <summary>A portal's journey over real HTTP against the running hub with its agency simulators.</summary>
public sealed class PortalJourneyTests(EndToEndHubFactory hub, ITestOutputHelper output) : IClassFixture<EndToEndHubFactory>
{
    private static readonly string Citizen = Personas.HappyPath.Nik;

    [Fact]
    public async Task Portal_VerifiesRecordsConsentReadsProfile_AndSubmittedApplicationsMoveOnByPollingAndWebhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var json = hub.Json;
        using (var subscribed = await portal.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url = receiver.Url }))
        {
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        }

        // Verify: the registry's name for the happy-path persona matches, a wrong one does not.
        using var verified = await portal.PostJsonAsync("/api/v1/identity/verifications", $$"""{"nik":"{{Citizen}}","fullName":"ANDI PRATAMA","birthPlace":"BANDUNG"}""");
        var verdict = (await verified.Content.ReadFromJsonAsync<IdentityVerificationResult>(json))!;
        Assert.Equal(VerificationDecision.Verified, verdict.Decision);

        // Consent and the once-only profile.
        var consent = await portal.RecordConsentAsync(hub, Citizen,
            DataPurpose.PoliceClearance, DataPurpose.DrivingLicence, DataPurpose.Passport, DataPurpose.PopulationDocument, DataPurpose.HealthCare);
        var profile = (await portal.GetFromJsonAsync<CitizenProfile>(new Uri($"/api/v1/citizens/{Citizen}/profile?purpose=police-clearance", UriKind.Relative), json))!;
        Assert.Equal("ANDI PRATAMA", profile.FullName);
        Assert.NotNull(profile.Address);
        using var fhir = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/citizens/{Citizen}/health-summary?purpose=health-care", UriKind.Relative));
        fhir.Headers.Accept.ParseAdd("application/fhir+json");
        using var bundle = await portal.SendAsync(fhir);
        Assert.True(bundle.StatusCode == HttpStatusCode.OK, await bundle.Content.ReadAsStringAsync());
        Assert.Equal("Bundle", JsonDocument.Parse(await bundle.Content.ReadAsStringAsync()).RootElement.GetProperty("resourceType").GetString());

        // Each of the four services is accepted and moves past "submitted", seen by polling and by webhook.
        var submitted = new Dictionary<string, Guid>();
        foreach (var (service, inputs) in Services(profile.FullName!))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/applications", UriKind.Relative))
            {
                Content = JsonContent.Create(new SubmitApplicationRequest { ServiceCode = service, Nik = Citizen.ToNik(), ConsentId = consent, Inputs = inputs }, options: json),
            };
            request.Headers.Add("Idempotency-Key", $"e2e-{service}");
            using var response = await portal.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{service}: {await response.Content.ReadAsStringAsync()}");
            submitted[service] = (await response.Content.ReadFromJsonAsync<ServiceApplication>(json))!.Id;
        }

        foreach (var (service, id) in submitted)
        {
            var application = await PollAsync(portal, id, a => a.Status != ApplicationStatus.Submitted, TimeSpan.FromSeconds(60));
            output.WriteLine($"{service}: {application.Status} {application.StatusReason} steps: " +
                string.Join(", ", application.Steps.Select(s => $"{s.Id}={s.Status}")));
            var evt = await receiver.WaitForAsync(b => b.Contains(id.ToString(), StringComparison.Ordinal), 204, TimeSpan.FromSeconds(60));
            Assert.Equal(WebhookService.StatusChanged, JsonSerializer.Deserialize<WebhookEvent>(evt.Body, json)!.Type);
        }

        // The citizen can see every read and submission in the access log.
        var log = JsonDocument.Parse(await portal.GetStringAsync(new Uri($"/api/v1/citizens/{Citizen}/access-log", UriKind.Relative))).RootElement;
        var actions = log.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("identity.verify", actions);
        Assert.Contains("citizen.profile.read", actions);
        Assert.Equal(4, actions.Count(a => a == "application.submit"));
    }

    private async Task<ServiceApplication> PollAsync(HttpClient portal, Guid id, Func<ServiceApplication, bool> done, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var application = (await portal.GetFromJsonAsync<ServiceApplication>(new Uri($"/api/v1/applications/{id}", UriKind.Relative), hub.Json, deadline.Token))!;
            if (done(application))
            {
                return application;
            }

            await Task.Delay(200, deadline.Token);
        }
    }

    private static IEnumerable<(string Service, Dictionary<string, JsonElement> Inputs)> Services(string name)
    {
        static JsonElement S(string value) => JsonSerializer.SerializeToElement(value);
        yield return (ServiceCodes.SkckNew, new() { ["fullName"] = S(name), ["purpose"] = S("MELAMAR PEKERJAAN"), ["officeLevel"] = S("polres"), ["officeRegion"] = S("3273") });
        yield return (ServiceCodes.SimRenewal, new() { ["fullName"] = S(name), ["licenceClass"] = S("c") });
        yield return (ServiceCodes.PasporNew, new() { ["fullName"] = S(name), ["officeCode"] = S("BDG"), ["preferredDate"] = S(DateTime.Today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ["passportKind"] = S("electronic") });
        yield return (ServiceCodes.KtpReplacement, new() { ["fullName"] = S(name), ["reason"] = S("damaged"), ["pickupRegion"] = S("3273020") });
    }
}
