using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Hub.Auth;
using MppIntegrationHub.Simulators;

namespace MppIntegrationHub.Hub.Docs;

/// <summary>Prints where the API and its docs are once the server listens; in Development also the demo clients' credentials and the simulators.</summary>
internal sealed partial class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    IHostEnvironment environment,
    IOptions<HubClientOptions> clients,
    ILogger<StartupBanner> logger,
    IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return;
        }

        var root = address.TrimEnd('/');
        LogUrls(logger, root);
        if (!environment.IsDevelopment())
        {
            return;
        }

        // Development only: appsettings.Development.json seeds these demo clients; no other environment loads them.
        foreach (var client in clients.Value.Clients)
        {
            var scopes = string.Join(' ', client.Scopes);
            LogDemoClient(logger, client.ClientId, client.ClientSecret, scopes);
        }

        if (services.GetService<AgencySimulators>() is { } simulators)
        {
            foreach (var agency in simulators.All)
            {
                LogSimulator(logger, agency.Agency, agency.BaseUrl);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MPP Integration Hub API at {Root}/api/v1 - interactive docs at {Root}/docs - OpenAPI at {Root}/openapi/v1.json - tokens from {Root}/connect/token - operator console at {Root}/console")]
    private static partial void LogUrls(ILogger logger, string root);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo client (development only): client_id={ClientId} client_secret={ClientSecret} scopes: {Scopes}")]
    private static partial void LogDemoClient(ILogger logger, string clientId, string clientSecret, string scopes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agency simulator {Agency} at {BaseUrl}")]
    private static partial void LogSimulator(ILogger logger, string agency, Uri baseUrl);
}
