using MppIntegrationHub.Simulators;

namespace MppIntegrationHub.Adapters.Tests.Infrastructure;

/// <summary>Every agency simulator, started once for the test collection and reset before each test.</summary>
public sealed class SimulatorsFixture : IAsyncLifetime
{
    private AgencySimulators? _simulators;

    public AgencySimulators Simulators => _simulators ?? throw new InvalidOperationException("The simulators are not started.");

    public async Task InitializeAsync() =>
        _simulators = await AgencySimulators.StartAsync(new SimulatorOptions { Seed = 42, PopulationSize = 200 });

    /// <summary>No faults, default quotas, zeroed request and write counters and request logs on every agency.</summary>
    public AgencySimulators Reset()
    {
        foreach (var agency in Simulators.All)
        {
            agency.Faults.Clear();
            agency.Requests.Reset();
            agency.Writes.Reset();
            agency.Server.ResetLogEntries();
        }

        return Simulators;
    }

    public async Task DisposeAsync()
    {
        if (_simulators is not null)
        {
            await _simulators.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SimulatorsCollection : ICollectionFixture<SimulatorsFixture>
{
    public const string Name = "simulators";
}
