using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
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

/// <summary>
/// A portal's journey over real HTTP against the running hub with its agency simulators, all on one movable clock:
/// the test pays each billing at the SIMPONI simulator (the citizen at the bank) and moves the clock through the days
/// of police checks, printing and interviews, while it follows every application by polling and by signed webhooks.
/// </summary>
public sealed class PortalJourneyTests(EndToEndHubFactory hub, ITestOutputHelper output) : IClassFixture<EndToEndHubFactory>
{
    private static readonly string Citizen = Personas.HappyPath.Nik;
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Portal_VerifiesConsentsReadsProfile_AndFollowsAllFourServicesToCompletionByPollingAndWebhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var portal = await PortalAsync();
        var json = hub.Json;
        string webhookSecret;
        using (var subscribed = await portal.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url = receiver.Url }))
        {
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
            webhookSecret = (await subscribed.Content.ReadFromJsonAsync<Webhook>(json))!.Secret!;
        }

        // Verify: the registry's name for the happy-path persona matches.
        using var verified = await portal.PostJsonAsync("/api/v1/identity/verifications", $$"""{"nik":"{{Citizen}}","fullName":"ANDI PRATAMA","birthPlace":"BANDUNG"}""");
        Assert.Equal(VerificationDecision.Verified, (await verified.Content.ReadFromJsonAsync<IdentityVerificationResult>(json))!.Decision);

        // Consent, the once-only profile and the FHIR health summary.
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

        // The four services.
        var submitted = new Dictionary<Guid, string>();
        foreach (var (service, inputs) in Services(profile.FullName!))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/applications", UriKind.Relative))
            {
                Content = JsonContent.Create(new SubmitApplicationRequest { ServiceCode = service, Nik = Citizen.ToNik(), ConsentId = consent, Inputs = inputs }, options: json),
            };
            request.Headers.Add("Idempotency-Key", $"e2e-{service}");
            using var response = await portal.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{service}: {await response.Content.ReadAsStringAsync()}");
            submitted[(await response.Content.ReadFromJsonAsync<ServiceApplication>(json))!.Id] = service;
        }

        // Follow them by polling, paying each billing as soon as the portal shows its code, moving the clock when all is quiet.
        var done = await FollowToCompletionAsync(submitted);

        foreach (var (id, service) in submitted)
        {
            var application = done[id];
            output.WriteLine($"{service}: {application.Status} after {application.CompletedAt - application.SubmittedAt}; outputs: "
                + string.Join(", ", application.Outputs.Select(o => $"{o.Key}={o.Value}")));
            Assert.True(application.Status == ApplicationStatus.Completed, $"{service}: {application.Status} {application.StatusReason}");
            Assert.All(application.Steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        }

        Assert.StartsWith("SKCK/", Output(done, submitted, ServiceCodes.SkckNew, "certificateNumber"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Output(done, submitted, ServiceCodes.SimRenewal, "licenceNumber")));
        Assert.False(string.IsNullOrEmpty(Output(done, submitted, ServiceCodes.PasporNew, "passportNumber")));
        Assert.Contains("Kependudukan", Output(done, submitted, ServiceCodes.KtpReplacement, "pickupLocation"), StringComparison.Ordinal);

        // The same completions arrived by webhook, each signed with the subscription's secret.
        foreach (var id in submitted.Keys)
        {
            var completed = await receiver.WaitForAsync(
                b => b.Contains(id.ToString(), StringComparison.Ordinal) && JsonSerializer.Deserialize<WebhookEvent>(b, json)!.Data.Status == ApplicationStatus.Completed,
                204, TimeSpan.FromSeconds(60));
            Assert.Equal(Sign(webhookSecret, completed.Body), completed.Signature);
            Assert.Equal(WebhookService.StatusChanged, JsonSerializer.Deserialize<WebhookEvent>(completed.Body, json)!.Type);
        }

        // The agencies reported their status changes by signed callbacks, and the hub accepted them.
        Assert.True(hub.Simulators.CallbackDeliveries.Delivered > 0);

        // The citizen can see every read and submission in the access log.
        portal = await PortalAsync();
        var log = JsonDocument.Parse(await portal.GetStringAsync(new Uri($"/api/v1/citizens/{Citizen}/access-log", UriKind.Relative))).RootElement;
        var actions = log.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("identity.verify", actions);
        Assert.Contains("citizen.profile.read", actions);
        Assert.Equal(4, actions.Count(a => a == "application.submit"));
    }

    private async Task<Dictionary<Guid, ServiceApplication>> FollowToCompletionAsync(Dictionary<Guid, string> submitted)
    {
        using var realTime = new CancellationTokenSource(RealTimeLimit);
        var fakeLimit = hub.Clock.GetUtcNow() + TimeSpan.FromDays(40);
        var paid = new HashSet<Guid>();
        var portal = await PortalAsync();
        while (true)
        {
            var current = new Dictionary<Guid, ServiceApplication>();
            foreach (var id in submitted.Keys)
            {
                current[id] = (await portal.GetFromJsonAsync<ServiceApplication>(new Uri($"/api/v1/applications/{id}", UriKind.Relative), hub.Json, realTime.Token))!;
            }

            if (current.Values.All(a => a.Status is ApplicationStatus.Completed or ApplicationStatus.Failed or ApplicationStatus.Cancelled))
            {
                return current;
            }

            foreach (var (id, application) in current.Where(a => !paid.Contains(a.Key)))
            {
                if (application.Steps.Any(s => s.Id == "wait-payment" && s.Status == StepStatus.Waiting)
                    && application.Outputs.TryGetValue("billingCode", out var code))
                {
                    await PayAndSeeTheWaitEndWithoutAClockAdvanceAsync(portal, id, code.GetString()!, realTime.Token);
                    paid.Add(id);
                }
            }

            var now = hub.Clock.GetUtcNow();
            var busy = current.Values.SelectMany(a => a.Steps)
                .Any(s => s.Status == StepStatus.Running || (s.NextAttemptAt is { } due && due <= now));
            if (busy)
            {
                await Task.Delay(100, realTime.Token);
                continue;
            }

            Assert.True(now < fakeLimit, "The applications did not complete within 40 simulated days: " + Describe(current.Values));
            var next = current.Values.SelectMany(a => a.Steps).Where(s => s.NextAttemptAt is not null).Select(s => s.NextAttemptAt!.Value - now)
                .DefaultIfEmpty(TimeSpan.FromHours(1)).Min();
            hub.Clock.Advance(next < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : next > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : next);
            portal = await PortalAsync(); // the token server runs on the same clock: tokens age with it
        }
    }

    /// <summary>
    /// The citizen pays at the bank (SIMPONI's tester action); SIMPONI's signed payment callback ends the payment wait
    /// while the clock stands still, five minutes before the hub's next poll would have.
    /// </summary>
    private async Task PayAndSeeTheWaitEndWithoutAClockAdvanceAsync(HttpClient portal, Guid id, string billingCode, CancellationToken cancellationToken)
    {
        var before = hub.Clock.GetUtcNow();
        var simponi = hub.Simulators.Simponi.BaseUrl.AbsoluteUri.TrimEnd('/');
        using var citizen = new HttpClient();
        using (var bank = await citizen.PostAsync(new Uri($"{simponi}/simponi/api/v1/billing/{billingCode}/bayar"), null, cancellationToken))
        {
            Assert.True(bank.IsSuccessStatusCode, await bank.Content.ReadAsStringAsync(cancellationToken));
        }

        while (true)
        {
            var application = (await portal.GetFromJsonAsync<ServiceApplication>(new Uri($"/api/v1/applications/{id}", UriKind.Relative), hub.Json, cancellationToken))!;
            if (application.Steps.Single(s => s.Id == "wait-payment").Status == StepStatus.Succeeded)
            {
                Assert.Equal(before, hub.Clock.GetUtcNow());
                return;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task<HttpClient> PortalAsync()
    {
        var http = hub.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await hub.TokenAsync(EndToEndHubFactory.Portal));
        return http;
    }

    private static string Output(Dictionary<Guid, ServiceApplication> done, Dictionary<Guid, string> submitted, string service, string name) =>
        done[submitted.Single(s => s.Value == service).Key].Outputs[name].GetString()!;

    private static string Describe(IEnumerable<ServiceApplication> applications) => string.Join("; ", applications.Select(a =>
        $"{a.ServiceCode} {a.Status} {a.StatusReason} [{string.Join(", ", a.Steps.Select(s => $"{s.Id}={s.Status}@{s.NextAttemptAt:O}"))}]"));

    private static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private IEnumerable<(string Service, Dictionary<string, JsonElement> Inputs)> Services(string name)
    {
        static JsonElement S(string value) => JsonSerializer.SerializeToElement(value);
        var interview = DateOnly.FromDateTime(hub.Clock.GetUtcNow().AddHours(7).Date).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return (ServiceCodes.SkckNew, new() { ["fullName"] = S(name), ["purpose"] = S("MELAMAR PEKERJAAN"), ["officeLevel"] = S("polres"), ["officeRegion"] = S("3273") });
        yield return (ServiceCodes.SimRenewal, new() { ["fullName"] = S(name), ["licenceClass"] = S("c") });
        yield return (ServiceCodes.PasporNew, new() { ["fullName"] = S(name), ["officeCode"] = S("KANIM-BDG"), ["preferredDate"] = S(interview), ["passportKind"] = S("electronic") });
        yield return (ServiceCodes.KtpReplacement, new() { ["fullName"] = S(name), ["reason"] = S("damaged"), ["pickupRegion"] = S("3273") });
    }
}
