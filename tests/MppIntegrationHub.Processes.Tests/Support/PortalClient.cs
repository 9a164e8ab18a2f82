using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Processes.Tests.Support;

/// <summary>A portal driving the hub's public API: consents, submissions and status counts, re-authenticating when needed.</summary>
internal sealed class PortalClient(Uri hub, TimeProvider clock) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = hub, Timeout = TimeSpan.FromSeconds(60) };
    private readonly JsonSerializerOptions _json = HubJson.Create(clock);
    private string? _token;

    /// <summary>Records the citizen's consent and submits the service once (the idempotency key is the citizen's NIK).</summary>
    public async Task<Guid> SubmitAsync(Citizen citizen, string serviceCode, DataPurpose purpose, IReadOnlyDictionary<string, string> inputs)
    {
        var consentRequest = new ConsentRequest
        {
            Nik = citizen.Nik,
            Purposes = [purpose],
            ExpiresAt = clock.GetUtcNow().AddYears(1),
            EvidenceReference = $"drill-{citizen.Nik.Value}",
        };
        using var consented = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/v1/consents") { Content = JsonContent.Create(consentRequest, options: _json) });
        await EnsureAsync(consented, HttpStatusCode.Created);
        var consent = (await consented.Content.ReadFromJsonAsync<Consent>(_json))!;

        var submit = new SubmitApplicationRequest
        {
            ServiceCode = serviceCode,
            Nik = citizen.Nik,
            ConsentId = consent.Id,
            Inputs = inputs.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value, _json)),
        };
        using var submitted = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/applications") { Content = JsonContent.Create(submit, options: _json) };
            request.Headers.Add("Idempotency-Key", $"{serviceCode}-{citizen.Nik.Value}");
            return request;
        });
        await EnsureAsync(submitted, HttpStatusCode.Accepted);
        return (await submitted.Content.ReadFromJsonAsync<ServiceApplication>(_json))!.Id;
    }

    /// <summary>How many of this portal's applications are in <paramref name="status"/>.</summary>
    public async Task<int> CountAsync(ApplicationStatus status)
    {
        var name = JsonSerializer.Serialize(status, _json).Trim('"');
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/v1/applications?status={name}&pageSize=1"));
        await EnsureAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(_json)).GetProperty("total").GetInt32();
    }

    /// <summary>Counts per status of every application this portal submitted.</summary>
    public async Task<string> StatusSummaryAsync()
    {
        var parts = new List<string>();
        foreach (var status in Enum.GetValues<ApplicationStatus>())
        {
            var count = await CountAsync(status);
            if (count > 0)
            {
                parts.Add($"{status}={count}");
            }
        }

        return string.Join(", ", parts) + await FailureReasonsAsync();
    }

    private async Task<string> FailureReasonsAsync()
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/v1/applications?status=failed&pageSize=5"));
        await EnsureAsync(response, HttpStatusCode.OK);
        var reasons = (await response.Content.ReadFromJsonAsync<JsonElement>(_json)).GetProperty("items").EnumerateArray()
            .Select(a => a.TryGetProperty("statusReason", out var reason) ? reason.GetString() : null)
            .Distinct()
            .ToList();
        return reasons.Count == 0 ? string.Empty : $"; failed because: {string.Join(" | ", reasons)}";
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create)
    {
        for (var attempt = 0; ; attempt++)
        {
            _token ??= await TokenAsync();
            using var request = create();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            var response = await _http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0)
            {
                return response;
            }

            response.Dispose();
            _token = null;
        }
    }

    private async Task<string> TokenAsync()
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = HubProcess.PortalId,
            ["client_secret"] = HubProcess.PortalSecret,
        };
        using var response = await _http.PostAsync(new Uri("connect/token", UriKind.Relative), new FormUrlEncodedContent(form));
        await EnsureAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
