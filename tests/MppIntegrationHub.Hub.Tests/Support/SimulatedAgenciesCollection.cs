namespace MppIntegrationHub.Hub.Tests.Support;

/// <summary>One hub with simulators for the operator, telemetry and browser tests, which run one after another on it.</summary>
[CollectionDefinition(Name)]
public sealed class SimulatedAgenciesCollection : ICollectionFixture<SimulatedAgenciesHubFactory>
{
    public const string Name = "Hub with simulated agencies";
}
