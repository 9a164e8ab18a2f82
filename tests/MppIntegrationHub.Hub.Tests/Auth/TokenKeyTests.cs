using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Auth;

/// <summary>Tokens are signed and encrypted with configured keys, so they survive restarts and cross processes.</summary>
public sealed class TokenKeyTests
{
    [Fact]
    public async Task Token_IssuedByOneHost_IsAcceptedByAnotherWithTheSameKeys()
    {
        using var issuer = new HubFactory();
        using var other = new HubFactory();
        var token = await issuer.TokenAsync(HubFactory.PortalA);

        using var response = await ServicesAsync(other, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_IssuedWithOtherKeys_Is401()
    {
        using var issuer = new HubFactory();
        using var other = new HubFactory();
        var token = await issuer.TokenAsync(HubFactory.PortalA);
        using var rekeyed = other.WithWebHostBuilder(b => b
            .UseSetting("Hub:TokenKeys:SigningKey", TestTokenKeys.NewPem())
            .UseSetting("Hub:TokenKeys:EncryptionKey", TestTokenKeys.NewPem()));

        using var response = await ServicesAsync(rekeyed, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_KeysFromAFolder_AreUsedAcrossHosts()
    {
        var folder = Directory.CreateTempSubdirectory("hub-keys-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "signing.pem"), TestTokenKeys.NewPem());
            await File.WriteAllTextAsync(Path.Combine(folder, "encryption.pem"), TestTokenKeys.NewPem());
            using var first = new HubFactory();
            using var second = new HubFactory();
            using var issuer = WithKeyFolder(first, folder);
            using var verifier = WithKeyFolder(second, folder);
            var token = await TokenAsync(issuer);

            using var accepted = await ServicesAsync(verifier, token);
            using var refused = await ServicesAsync(second, token);

            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Start_OutsideDevelopmentWithoutKeys_FailsNamingTheSetting()
    {
        using var hub = new HubFactory();
        using var production = hub.WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Hub:TokenKeys:SigningKey", string.Empty)
            .UseSetting("Hub:TokenKeys:EncryptionKey", string.Empty));

        var error = Assert.Throws<OptionsValidationException>(() => production.CreateClient());

        Assert.Contains("Hub:TokenKeys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InDevelopmentWithoutKeys_IssuesTokensWithKeysOfThisProcess()
    {
        using var hub = new HubFactory();
        using var development = hub.WithWebHostBuilder(b => b
            .UseEnvironment("Development")
            .UseSetting("Hub:TokenKeys:SigningKey", string.Empty)
            .UseSetting("Hub:TokenKeys:EncryptionKey", string.Empty));

        var token = await TokenAsync(development);

        using var response = await ServicesAsync(development, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> TokenAsync(WebApplicationFactory<Program> host)
    {
        using var http = host.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = HubFactory.PortalA, ["client_secret"] = HubFactory.Secret,
        });
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> ServicesAsync(WebApplicationFactory<Program> host, string token)
    {
        using var http = host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.GetAsync(new Uri("/api/v1/services", UriKind.Relative));
    }

    private static WebApplicationFactory<Program> WithKeyFolder(HubFactory hub, string folder) =>
        hub.WithWebHostBuilder(b => b
            .UseSetting("Hub:TokenKeys:SigningKey", string.Empty)
            .UseSetting("Hub:TokenKeys:EncryptionKey", string.Empty)
            .UseSetting("Hub:TokenKeys:Folder", folder));
}
