using System.ComponentModel;
using MppIntegrationHub.Adapters.Telemetry;
using Polly.CircuitBreaker;

namespace MppIntegrationHub.Adapters.Registry;

[Description("One agency as this hub process sees it: its adapters, breaker, quota and last minute of traffic.")]
public sealed record AgencyStatus(
    string Agency,
    [property: Description("The worst health of the agency's adapters.")] AdapterHealth Health,
    CircuitState Breaker,
    [property: Description("False when an operator stopped the agency's HTTP retries (calls are tried once).")] bool HttpRetriesEnabled,
    [property: Description("Calls the agency's quota still allows in the current window; absent before the first call builds the pipeline.")] long? QuotaAvailable,
    AgencyTrafficSnapshot Traffic,
    IReadOnlyList<AdapterStatus> Adapters);
