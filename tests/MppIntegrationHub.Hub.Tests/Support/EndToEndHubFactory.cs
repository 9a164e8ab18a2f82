using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Simulators;

namespace MppIntegrationHub.Hub.Tests.Support;

/// <summary>
/// The whole hub (API, orchestrator, adapters, in-process agency simulators) served by Kestrel on a loopback port known
/// before start, so the simulators post their signed status callbacks to it; everything runs on <see cref="HubFactory.Clock"/>.
/// </summary>
public sealed class EndToEndHubFactory : HubFactory
{
    public const string Portal = "e2e-portal";

    private static readonly string[] CallingAgencies = ["dukcapil", "skck", "sim", "paspor", "simponi"];

    private readonly int _port;

    public EndToEndHubFactory()
    {
        _port = FreeLoopbackPort();
        UseKestrel(options => options.Listen(IPAddress.Loopback, _port));
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{_port}/");

    public AgencySimulators Simulators => Services.GetRequiredService<AgencySimulators>();

    protected override bool WithSimulators => true;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Hub:Agencies:Simulators:CallbackUrl"] = BaseUrl.AbsoluteUri;
        foreach (var agency in CallingAgencies)
        {
            settings[$"Hub:AgencyCallbacks:Secrets:{agency}"] = $"e2e-callback-secret-{agency}";
        }

        // Agency callbacks and token requests arrive unauthenticated from loopback; the journey makes many of both.
        settings["Hub:AnonymousRequestsPerMinute"] = "100000";
        AddClient(settings, 6, Portal, 100_000, [.. HubScopesForTests.Portal]);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
