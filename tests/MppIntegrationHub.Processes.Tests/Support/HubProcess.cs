using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MppIntegrationHub.Simulators;

namespace MppIntegrationHub.Processes.Tests.Support;

/// <summary>
/// One hub process (<c>dotnet MppIntegrationHub.Hub.dll</c>) in a role, configured through environment variables as a
/// deployment would be; it can be killed with SIGKILL and started again on the same port and store.
/// </summary>
internal sealed class HubProcess : IDisposable
{
    public const string PortalId = "load-portal";
    public const string PortalSecret = "load-portal-secret-0123456789";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private static readonly string SigningKey = NewPem();
    private static readonly string EncryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly Dictionary<string, string?> _environment;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private ChildProcess? _process;

    public HubProcess(string name, string role, IReadOnlyDictionary<string, string?> settings)
    {
        Name = name;
        Port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{Port}/");
        _environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = BaseUrl.ToString(),
            ["Hub__Role"] = role,
            ["Hub__AllowHttp"] = "true",
            ["Hub__Audit__NikKey"] = "process-tests-nik-reference-key-0123456789",
            ["Hub__TokenKeys__SigningKey"] = SigningKey,
            ["Hub__TokenKeys__EncryptionKey"] = EncryptionKey,
            ["Hub__Clients__0__ClientId"] = PortalId,
            ["Hub__Clients__0__ClientSecret"] = PortalSecret,
            ["Hub__Clients__0__RequestsPerMinute"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        string[] scopes = ["identity.verify", "consents", "applications", "service:SKCK_NEW", "service:KTP_REPLACEMENT"];
        for (var i = 0; i < scopes.Length; i++)
        {
            _environment[$"Hub__Clients__0__Scopes__{i}"] = scopes[i];
        }

        foreach (var (key, value) in settings)
        {
            _environment[key] = value;
        }
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseUrl { get; }

    public int Starts { get; private set; }

    public string Tail => _process?.Tail ?? string.Empty;

    /// <summary>Settings that point the hub's adapters at simulators running in another process, with <see cref="DrillAgencyLimits"/>.</summary>
    public static Dictionary<string, string?> AgencySettings(SimulatorsProcess simulators)
    {
        var credentials = SimulatorCredentials.Default;
        var settings = new Dictionary<string, string?> { ["Hub__Agencies__Source"] = "Configuration" };
        foreach (var (agency, url) in simulators.BaseUrls)
        {
            settings[$"Hub__Agencies__{agency}__BaseUrl"] = url.ToString();
            if (credentials.ApiKeys.TryGetValue(agency, out var key))
            {
                settings[$"Hub__Agencies__{agency}__ApiKey"] = key;
            }
        }

        settings[$"Hub__Agencies__{AgencyIds.Dukcapil}__CustomerId"] = credentials.DukcapilCustomerId;
        settings[$"Hub__Agencies__{AgencyIds.Dukcapil}__UserId"] = credentials.DukcapilUserId;
        settings[$"Hub__Agencies__{AgencyIds.Dukcapil}__Password"] = credentials.DukcapilPassword;
        settings[$"Hub__Agencies__{AgencyIds.Dukcapil}__IpUser"] = credentials.DukcapilIpUser;
        settings[$"Hub__Agencies__{AgencyIds.SatuSehat}__ClientId"] = credentials.SatuSehatClientId;
        settings[$"Hub__Agencies__{AgencyIds.SatuSehat}__ClientSecret"] = credentials.SatuSehatClientSecret;
        foreach (var (key, value) in DrillAgencyLimits())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// Orchestrator pacing for a drill clock: every interval is simulated time, so each is set to last about as long
    /// in real time as the production default does (a lease of a few real seconds, polls of the tables about every
    /// real second).
    /// </summary>
    public static Dictionary<string, string?> DrillSettings(DrillClock clock) => new()
    {
        ["Clock__Acceleration"] = clock.Factor.ToString(CultureInfo.InvariantCulture),
        ["Clock__Anchor"] = clock.Anchor.ToString("O", CultureInfo.InvariantCulture),
        ["Orchestration__LeaseDuration"] = DrillClock.Span(clock.Simulated(TimeSpan.FromSeconds(10))),
        ["Orchestration__LeaseSweepInterval"] = DrillClock.Span(clock.Simulated(TimeSpan.FromSeconds(1))),
        ["Orchestration__DueTimePollInterval"] = DrillClock.Span(clock.Simulated(TimeSpan.FromSeconds(1))),
        ["Orchestration__OutboxPollInterval"] = DrillClock.Span(clock.Simulated(TimeSpan.FromSeconds(0.5))),
        ["Orchestration__OutboxClaimDuration"] = DrillClock.Span(clock.Simulated(TimeSpan.FromSeconds(10))),
        ["Hub__Webhooks__PollInterval"] = DrillClock.Span(clock.Simulated(TimeSpan.FromSeconds(1))),
    };

    /// <summary>
    /// Agency limits for a drill. The adapters' quotas, timeouts and breakers run on real time, while the drill
    /// multiplies the agencies' traffic by the clock's factor (an hourly poll comes every real second): quotas are
    /// lifted so that the drill tests the hub, not the quota; timeouts allow for a loaded test machine; a breaker that
    /// opens stays open one real second (a simulated hour), not fifteen (most of a step's simulated day).
    /// </summary>
    public static Dictionary<string, string?> DrillAgencyLimits()
    {
        var settings = new Dictionary<string, string?>();
        foreach (var agency in AgencyIds.All)
        {
            settings[$"Hub__Agencies__{agency}__Quota__PermitLimit"] = "100000";
            settings[$"Hub__Agencies__{agency}__Quota__QueueLimit"] = "100000";
            settings[$"Hub__Agencies__{agency}__Timeouts__Attempt"] = "00:00:20";
            settings[$"Hub__Agencies__{agency}__Timeouts__Total"] = "00:01:00";
            settings[$"Hub__Agencies__{agency}__Breaker__BreakDuration"] = "00:00:01";
        }

        return settings;
    }

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        _process?.Dispose();
        _process = ChildProcess.Start(Name, Repository.HubDll, [], _environment);
        Starts++;
        var deadline = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(deadline) < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Hub '{Name}' exited during start:{Environment.NewLine}{_process.Tail}");
            }

            try
            {
                using var ready = await _http.GetAsync(new Uri(BaseUrl, "health/ready"));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"Hub '{Name}' was not ready in {ReadyTimeout}:{Environment.NewLine}{_process.Tail}");
    }

    /// <summary>SIGKILL, nothing flushed or stopped gracefully.</summary>
    public Task KillAsync() => _process?.KillAsync() ?? Task.CompletedTask;

    public async Task<string> ReadyReportAsync() => await _http.GetStringAsync(new Uri(BaseUrl, "health/ready"));

    public void Dispose()
    {
        _process?.Dispose();
        _http.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string NewPem()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }
}
