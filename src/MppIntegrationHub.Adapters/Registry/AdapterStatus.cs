using Polly.CircuitBreaker;

namespace MppIntegrationHub.Adapters.Registry;

/// <summary>One adapter's state for operators: switch, health, its agency's breaker and retry switch.</summary>
public sealed record AdapterStatus(
    string Id,
    string Agency,
    string Version,
    IReadOnlyList<string> Capabilities,
    bool Enabled,
    AdapterHealth Health,
    CircuitState Breaker,
    bool RetriesEnabled);
