namespace MppIntegrationHub.Hub.Tests.Support;

/// <summary>The same host served by Kestrel on a loopback port: real HTTP parsing, limits and connection handling.</summary>
public sealed class RealHttpHubFactory : HubFactory
{
    public RealHttpHubFactory()
    {
        UseKestrel(0);
    }
}
