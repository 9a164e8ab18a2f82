namespace MppIntegrationHub.Simulators.Faults;

/// <summary>What happens to one request.</summary>
internal enum FaultKind
{
    None,
    Outage,
    Status,
    QuotaExhausted,
    NoAnswer,
    Malformed,
    Truncated,
}

internal readonly record struct FaultDecision(FaultKind Kind, TimeSpan Delay, int StatusCode = 0, TimeSpan? RetryAfter = null);
