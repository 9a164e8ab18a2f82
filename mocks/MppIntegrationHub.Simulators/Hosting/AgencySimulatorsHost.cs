using Microsoft.Extensions.Hosting;

namespace MppIntegrationHub.Simulators.Hosting;

/// <summary>Runs the simulators for the lifetime of a .NET host (the hub starts them this way when no agency URL is set).</summary>
public sealed class AgencySimulatorsHost(SimulatorOptions options) : IHostedService, IAsyncDisposable
{
    private AgencySimulators? _simulators;

    /// <summary>The running simulators; available once the host has started.</summary>
    public AgencySimulators Simulators => _simulators ?? throw new InvalidOperationException("The agency simulators start with the host.");

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _simulators ??= await AgencySimulators.StartAsync(options, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_simulators is { } running)
        {
            _simulators = null;
            await running.DisposeAsync();
        }
    }
}
