using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Adapters.Skck;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Hub.Auth;

namespace MppIntegrationHub.Hub.Tests.Support;

/// <summary>The real hub host on a fresh SQLite file, with test portal clients, a movable clock and fake agencies.</summary>
public class HubFactory : WebApplicationFactory<Program>
{
    public const string PortalA = "portal-a";
    public const string PortalB = "portal-b";
    public const string Auditor = "auditor";
    public const string VerifyOnly = "verify-only";
    public const string Throttled = "throttled";
    public const string Fuzzer = "fuzzer";
    public const string Operator = "operator";
    public const string Secret = "test-secret-0123456789";
    public const string CallbackSecret = "test-callback-secret-skck";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hub-api-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    internal FakeCapabilityInvoker Agencies { get; } = new();

    public JsonSerializerOptions Json => HubJson.Create(Clock);

    /// <summary>True for the end-to-end host: real adapters against in-process simulators, on the same movable clock.</summary>
    protected virtual bool WithSimulators => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Store:ConnectionString"] = $"Data Source={Path.Combine(_folder, "hub.db")}",
            ["Hub:AllowHttp"] = "true",
            ["Hub:Agencies:Source"] = WithSimulators ? "Simulators" : "None",
            ["Hub:Audit:NikKey"] = "test-nik-reference-key-0123456789abcdef",
            ["Hub:Webhooks:PollInterval"] = "00:00:00.2",
            ["Hub:AgencyCallbacks:Secrets:skck"] = CallbackSecret,
            ["Hub:AgencyCallbacks:QueueTimeout"] = "00:00:01",
            ["Hub:DataProtection:KeyFolder"] = Path.Combine(_folder, "keys"),
            ["Hub:Webhooks:AllowedPrivateNetworks:0"] = "127.0.0.0/8",
            ["Hub:TokenKeys:SigningKey"] = TestTokenKeys.Signing,
            ["Hub:TokenKeys:EncryptionKey"] = TestTokenKeys.Encryption,
        };
        AddClient(settings, 0, PortalA, 1000, [.. HubScopesForTests.Portal]);
        AddClient(settings, 1, PortalB, 1000, [.. HubScopesForTests.Portal]);
        AddClient(settings, 2, Auditor, 1000, ["audit.read"]);
        AddClient(settings, 3, VerifyOnly, 1000, ["identity.verify"]);
        AddClient(settings, 4, Throttled, 3, ["identity.verify"]);
        AddClient(settings, 5, Fuzzer, 1_000_000, [.. HubScopesForTests.Portal]);
        AddClient(settings, 6, Operator, 1_000_000, [HubScopes.Operator]);
        Configure(settings);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // One movable clock for the hub, its token server and (end to end) the in-process agency simulators.
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (WithSimulators)
            {
                return;
            }

            services.RemoveAll<ICapabilityInvoker>();
            services.AddSingleton<ICapabilityInvoker>(Agencies);
            services.AddAgencyCallbackTranslator<SkckCallbackTranslator>();
        });
    }

    /// <summary>Lets a derived host add or change settings before they are applied.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>A client carrying a real access token from <c>/connect/token</c>.</summary>
    public async Task<HttpClient> ClientForAsync(string clientId, string? scope = null)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clientId, scope));
        return http;
    }

    public async Task<string> TokenAsync(string clientId, string? scope = null, string secret = Secret)
    {
        using var http = CreateClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        return token.GetProperty("access_token").GetString()!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DeleteFolder();
    }

    /// <summary>
    /// The store's folder goes with the host. A file can still appear in it just after the host stopped (seen on a
    /// loaded machine: "Directory not empty" while deleting), so the delete is tried again for a moment; a folder
    /// left in the temp directory after that fails no test.
    /// </summary>
    private void DeleteFolder()
    {
        for (var attempt = 1; Directory.Exists(_folder); attempt++)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    protected static void AddClient(Dictionary<string, string?> settings, int index, string id, int perMinute, string[] scopes)
    {
        var prefix = $"Hub:Clients:{index}:";
        settings[prefix + "ClientId"] = id;
        settings[prefix + "ClientSecret"] = Secret;
        settings[prefix + "RequestsPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < scopes.Length; i++)
        {
            settings[$"{prefix}Scopes:{i}"] = scopes[i];
        }
    }
}
