using System.Net.Http.Json;
using System.Text.Json;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Hub.Tests.Support;

internal static class Requests
{
    /// <summary>Records a consent for the purposes, valid for a day, and returns its id.</summary>
    public static async Task<Guid> RecordConsentAsync(this HttpClient http, HubFactory hub, string nik, params DataPurpose[] purposes) =>
        await http.RecordConsentAsync(hub, nik, TimeSpan.FromDays(1), purposes);

    public static async Task<Guid> RecordConsentAsync(this HttpClient http, HubFactory hub, string nik, TimeSpan validFor, params DataPurpose[] purposes)
    {
        var request = new ConsentRequest
        {
            Nik = TestCitizens.Parse(nik),
            Purposes = purposes,
            ExpiresAt = hub.Clock.GetUtcNow() + validFor,
            EvidenceReference = "form-2026-0001",
        };
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/consents", UriKind.Relative), request, hub.Json);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var consent = await response.Content.ReadFromJsonAsync<Consent>(hub.Json);
        return consent!.Id;
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient http, string path) => http.GetAsync(new Uri(path, UriKind.Relative));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, string json) =>
        http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient http, string path, T body, JsonSerializerOptions options) =>
        http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, options);

    public static Nik ToNik(this string nik) => TestCitizens.Parse(nik);
}
