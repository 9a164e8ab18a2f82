using System.Net;
using System.Net.Http.Headers;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Auth;

/// <summary>A token is decrypted and verified once per process; every other check still runs on each request.</summary>
public sealed class ValidatedTokenCacheTests
{
    [Fact]
    public async Task Token_AcceptedBeforeAndAfterItExpires_IsRefusedOnceExpired()
    {
        using var hub = new HubFactory();
        var token = await hub.TokenAsync(HubFactory.PortalA);
        using var first = await ServicesAsync(hub, token);
        using var again = await ServicesAsync(hub, token);

        hub.Clock.Advance(TimeSpan.FromMinutes(31));
        using var expired = await ServicesAsync(hub, token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task Token_AlteredCopyOfAnAcceptedToken_IsRefused()
    {
        using var hub = new HubFactory();
        var token = await hub.TokenAsync(HubFactory.PortalA);
        using var accepted = await ServicesAsync(hub, token);
        var parts = token.Split('.');
        parts[3] = (parts[3][0] == 'A' ? 'B' : 'A') + parts[3][1..];

        using var altered = await ServicesAsync(hub, string.Join('.', parts));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, altered.StatusCode);
    }

    [Fact]
    public async Task Token_AcceptedOnce_StillNeedsTheScopeOfEachEndpoint()
    {
        using var hub = new HubFactory();
        var token = await hub.TokenAsync(HubFactory.VerifyOnly);
        using var http = hub.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var verify = await http.PostAsync(
            new Uri("/api/v1/identity/verifications", UriKind.Relative),
            new StringContent($$"""{"nik":"{{TestCitizens.Budi}}","fullName":"BUDI SANTOSO"}""", System.Text.Encoding.UTF8, "application/json"));

        using var profile = await http.GetAsync(new Uri($"/api/v1/citizens/{TestCitizens.Budi}/profile?purpose=identity-verification", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.Unauthorized, verify.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, verify.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, profile.StatusCode);
    }

    private static async Task<HttpResponseMessage> ServicesAsync(HubFactory hub, string token)
    {
        using var http = hub.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.GetAsync(new Uri("/api/v1/services", UriKind.Relative));
    }
}
