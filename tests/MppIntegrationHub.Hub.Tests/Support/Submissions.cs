using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Services;

namespace MppIntegrationHub.Hub.Tests.Support;

/// <summary>Applications a portal submits in the operator and telemetry tests.</summary>
internal static class Submissions
{
    /// <summary>Records consent and submits an SKCK application; answers the accepted application.</summary>
    public static async Task<ServiceApplication> SubmitSkckAsync(this HttpClient portal, HubFactory hub, string nik) =>
        await portal.SubmitAsync(hub, nik, DataPurpose.PoliceClearance, ServiceCodes.SkckNew, new()
        {
            ["fullName"] = "BUDI SANTOSO", ["purpose"] = "MELAMAR PEKERJAAN", ["officeLevel"] = "polres", ["officeRegion"] = "3273",
        });

    /// <summary>Records consent and submits an e-KTP replacement (damaged card, pick-up in Bandung).</summary>
    public static async Task<ServiceApplication> SubmitKtpReplacementAsync(this HttpClient portal, HubFactory hub, string nik, string fullName) =>
        await portal.SubmitAsync(hub, nik, DataPurpose.PopulationDocument, ServiceCodes.KtpReplacement, new()
        {
            ["fullName"] = fullName, ["reason"] = "damaged", ["pickupRegion"] = "3273",
        });

    /// <summary>Reads an application as its portal until <paramref name="condition"/> holds.</summary>
    public static Task<ServiceApplication> WaitForApplicationAsync(
        this HttpClient portal, HubFactory hub, Guid id, Func<ServiceApplication, bool> condition, TimeSpan timeout) =>
        SimulatedAgenciesHubFactory.EventuallyAsync(
            async () =>
            {
                var application = await portal.GetFromJsonAsync<ServiceApplication>(new Uri($"/api/v1/applications/{id}", UriKind.Relative), hub.Json);
                return application is not null && condition(application) ? application : null;
            },
            timeout,
            $"application {id}");

    private static async Task<ServiceApplication> SubmitAsync(
        this HttpClient portal, HubFactory hub, string nik, DataPurpose purpose, string service, Dictionary<string, string> inputs)
    {
        var consent = await portal.RecordConsentAsync(hub, nik, purpose);
        var request = new SubmitApplicationRequest
        {
            ServiceCode = service,
            Nik = nik.ToNik(),
            ConsentId = consent,
            Inputs = inputs.ToDictionary(i => i.Key, i => JsonSerializer.SerializeToElement(i.Value)),
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/applications", UriKind.Relative))
        {
            Content = JsonContent.Create(request, options: hub.Json),
        };
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await portal.SendAsync(message);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ServiceApplication>(hub.Json))!;
    }
}
