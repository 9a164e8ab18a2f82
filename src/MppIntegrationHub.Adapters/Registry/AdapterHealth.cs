namespace MppIntegrationHub.Adapters.Registry;

/// <summary>An adapter's health as the registry sees it, from its switch and its agency's breaker.</summary>
public enum AdapterHealth
{
    /// <summary>Enabled, breaker closed.</summary>
    Healthy,

    /// <summary>Enabled, breaker half-open: a probe decides.</summary>
    Degraded,

    /// <summary>Enabled, breaker open or isolated: calls fail fast.</summary>
    Unavailable,

    /// <summary>Switched off by an operator; its capabilities route elsewhere or nowhere.</summary>
    Disabled,
}
