using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using MppIntegrationHub.Simulators.Cases;
using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.Rest;
using WireMock.Server;
using WireMock.Settings;

namespace MppIntegrationHub.Simulators.Hosting;

/// <summary>
/// One agency's WireMock.Net server on its own loopback port: static mappings from
/// <c>mocks/mappings/&lt;agency&gt;/</c>, coded behaviour, faults, counters and the simulator admin endpoints.
/// </summary>
public abstract class AgencySimulator : IDisposable
{
    private WireMockServer? _server;
    private IdempotentWrites? _idempotentWrites;

    private protected AgencySimulator(string agency, SimulatorContext context, long? quota)
    {
        Agency = agency;
        Context = context;
        Faults = new FaultController(unchecked((context.Options.Seed * 31) + AgencyIds.Ordinal(agency)), quota);
    }

    /// <summary>The agency id (<c>dukcapil</c>, <c>satusehat</c>, ...).</summary>
    public string Agency { get; }

    /// <summary>Root URL of the server (paths such as <c>/skck/api/v1</c> go below it).</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The admin root: <c>faults</c>, <c>counters</c>, <c>cases</c> (ours) and WireMock's own endpoints.</summary>
    public Uri AdminUrl => new(BaseUrl, "__admin/");

    public FaultController Faults { get; }

    public RequestCounters Requests { get; } = new();

    public WriteCounters Writes { get; } = new();

    /// <summary>The underlying server, for WireMock features the simulator does not wrap.</summary>
    public WireMockServer Server => _server ?? throw new InvalidOperationException($"The {Agency} simulator is not started.");

    /// <summary>Cases (applications) this agency progresses; null for agencies without any.</summary>
    internal virtual CaseBook? CaseBook => null;

    private protected SimulatorContext Context { get; }

    private protected abstract IAgencyDialect Dialect { get; }

    public void Dispose()
    {
        _server?.Stop();
        _server?.Dispose();
        GC.SuppressFinalize(this);
    }

    internal void Start(int? port)
    {
        var middleware = new FaultMiddleware(this, Dialect);
        var settings = new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port ?? FreePort()}"],
            StartAdminInterface = true,
            DisableJsonBodyParsing = true,
            DisableDeserializeFormUrlEncoded = true,
            // WireMock's request journal (GET /__admin/requests) is kept for inspection, bounded for long runs.
            MaxRequestLogCount = 1_000,
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(middleware.InvokeAsync),
        };
        _server = WireMockServer.Start(settings);
        BaseUrl = new Uri($"http://127.0.0.1:{_server.Port}/");
        LoadStaticMappings(_server);
        Map(_server);
    }

    /// <summary>A designed REST API rooted at <paramref name="root"/>, with this agency's key and idempotency memory.</summary>
    private protected RestApi RestApi(WireMockServer server, string root) =>
        new(server, root, Context.Credentials.ApiKeys[Agency], _idempotentWrites ??= new IdempotentWrites(Writes));

    /// <summary>Registers the coded (stateful or data-driven) behaviour.</summary>
    private protected abstract void Map(WireMockServer server);

    private void LoadStaticMappings(WireMockServer server)
    {
        var folder = Path.Combine(Context.MappingsFolder, Agency);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            server.ReadStaticWireMockOrgMappingAndAddOrUpdate(file);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
