namespace MppIntegrationHub.Hub.Tests.Support;

/// <summary>The whole hub (API, orchestrator, adapters, in-process agency simulators) served by Kestrel on loopback.</summary>
public sealed class EndToEndHubFactory : HubFactory
{
    public EndToEndHubFactory()
    {
        UseKestrel(0);
    }

    protected override bool WithSimulators => true;
}
