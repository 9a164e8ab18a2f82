using System.Net;
using System.Text.Json;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Auth;

public sealed class AuthorizationTests(HubFactory hub) : IClassFixture<HubFactory>
{
    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "POST", "/api/v1/identity/verifications" },
        { "POST", "/api/v1/consents" },
        { "GET", $"/api/v1/consents/{Guid.NewGuid()}" },
        { "DELETE", $"/api/v1/consents/{Guid.NewGuid()}" },
        { "GET", $"/api/v1/citizens/{TestCitizens.Budi}/profile?purpose=identity-verification" },
        { "GET", $"/api/v1/citizens/{TestCitizens.Budi}/health-summary?purpose=health-care" },
        { "GET", $"/api/v1/citizens/{TestCitizens.Budi}/access-log" },
        { "GET", "/api/v1/audit" },
        { "GET", "/api/v1/audit/verification" },
        { "POST", "/api/v1/applications" },
        { "GET", "/api/v1/applications" },
        { "GET", $"/api/v1/applications/{Guid.NewGuid()}" },
        { "POST", $"/api/v1/applications/{Guid.NewGuid()}/cancel" },
        { "POST", "/api/v1/webhooks" },
        { "GET", "/api/v1/webhooks" },
        { "GET", $"/api/v1/webhooks/{Guid.NewGuid()}" },
        { "DELETE", $"/api/v1/webhooks/{Guid.NewGuid()}" },
        { "GET", $"/api/v1/webhooks/{Guid.NewGuid()}/deliveries" },
    };

    [Fact]
    public async Task Services_WithoutToken_Is401Problem()
    {
        using var http = hub.CreateClient();

        using var response = await http.SendAsync(Request("GET", "/api/v1/services"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, HubProblems.Types.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Endpoint_WithoutToken_Is401Problem(string method, string path)
    {
        using var http = hub.CreateClient();

        using var response = await http.SendAsync(Request(method, path));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, HubProblems.Types.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Endpoint_WithForgedToken_Is401Problem(string method, string path)
    {
        using var http = hub.CreateClient();
        var request = Request(method, path);
        request.Headers.Authorization = new("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJwb3J0YWwtYSJ9.");

        using var response = await http.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, HubProblems.Types.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Endpoint_WithTokenLackingScope_Is403Problem(string method, string path)
    {
        // The auditor holds only audit.read; the verify-only client only identity.verify.
        var clientId = path.StartsWith("/api/v1/audit", StringComparison.Ordinal) ? HubFactory.VerifyOnly : HubFactory.Auditor;
        using var http = await hub.ClientForAsync(clientId);

        using var response = await http.SendAsync(Request(method, path));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Token_WithWrongSecret_IsRefused()
    {
        using var http = hub.CreateClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = HubFactory.PortalA, ["client_secret"] = "not-the-secret-at-all",
        };

        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Token_AskingForScopeNotGranted_IsRefused()
    {
        using var http = hub.CreateClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = HubFactory.VerifyOnly, ["client_secret"] = HubFactory.Secret, ["scope"] = "data.health",
        };

        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("scope", body.GetProperty("error_description").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Endpoint_WhenClientExceedsItsRateLimit_Is429WithRetryAfter()
    {
        using var http = await hub.ClientForAsync(HubFactory.Throttled);
        var statuses = new List<HttpStatusCode>();

        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await http.PostJsonAsync("/api/v1/identity/verifications", $$"""{"nik":"{{TestCitizens.Budi}}","fullName":"BUDI SANTOSO"}""");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        await last!.AssertProblemAsync(HttpStatusCode.TooManyRequests, HubProblems.Types.RateLimited);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        last.Dispose();
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = method == "POST" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null,
        };
}
