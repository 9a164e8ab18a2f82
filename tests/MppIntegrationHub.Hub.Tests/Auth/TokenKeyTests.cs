using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
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
            .UseSetting("Hub:TokenKeys:EncryptionKey", TestTokenKeys.NewEncryptionKey()));

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
            await File.WriteAllTextAsync(Path.Combine(folder, "encryption.key"), TestTokenKeys.NewEncryptionKey());
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
    public async Task Token_IsEncryptedWithTheSymmetricKey_NothingOfItReadableWithoutIt()
    {
        using var hub = new HubFactory();

        var token = await hub.TokenAsync(HubFactory.PortalA);

        var parts = token.Split('.');
        Assert.Equal(5, parts.Length);
        using var header = System.Text.Json.JsonDocument.Parse(Base64UrlEncoder.Decode(parts[0]));
        Assert.Equal("A256KW", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("A256CBC-HS512", header.RootElement.GetProperty("enc").GetString());
        var readable = string.Join('\n', parts.Select(p => System.Text.Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(p))));
        Assert.DoesNotContain(HubFactory.PortalA, readable, StringComparison.Ordinal);
        Assert.DoesNotContain("identity.verify", readable, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("an RSA key")]
    [InlineData("c2hvcnQ=")]
    public void Start_WithAnEncryptionKeyThatIsNot256RandomBits_FailsSayingHowToMakeOne(string key)
    {
        using var hub = new HubFactory();
        using var misconfigured = hub.WithWebHostBuilder(b => b
            .UseSetting("Hub:TokenKeys:EncryptionKey", key == "an RSA key" ? TestTokenKeys.NewPem() : key));

        var error = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());

        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
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
