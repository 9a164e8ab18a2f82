namespace MppIntegrationHub.Hub.Agencies;

/// <summary>Where the hub's agencies are (configuration <c>Hub:Agencies:Source</c>).</summary>
public enum AgencySource
{
    /// <summary>WireMock.Net simulators started in this process: the default when no agency URL is configured.</summary>
    Simulators,

    /// <summary>Real (or external) agencies, one section per agency under <c>Hub:Agencies</c> (BaseUrl, credentials, limits).</summary>
    Configuration,

    /// <summary>No adapters are registered; the host supplies its own capability invoker (tests).</summary>
    None,
}
