using System.ComponentModel;
using MppIntegrationHub.Adapters.Telemetry;
using Polly.CircuitBreaker;

namespace MppIntegrationHub.Adapters.Registry;

[Description("The agency across the deployment: this process and every other hub process that reported it recently.")]
public sealed record AgencyDeployment(
    [property: Description("The worst breaker among the processes (open, isolated, half-open, closed).")] CircuitState Breaker,
    [property: Description("All processes' calls in the last 60 seconds; mean latency weighted by calls.")] AgencyTrafficSnapshot Traffic,
    [property: Description("Each process's view, this one first: breakers, quotas and traffic are per process.")] IReadOnlyList<AgencyProcessView> Processes)
{
    /// <summary>The deployment made of <paramref name="processes"/> (at least this process).</summary>
    public static AgencyDeployment Of(IReadOnlyList<AgencyProcessView> processes)
    {
        ArgumentNullException.ThrowIfNull(processes);
        var calls = processes.Sum(p => p.Traffic.CallsPerMinute);
        var latency = calls == 0 ? (double?)null
            : Math.Round(processes.Sum(p => (p.Traffic.MeanLatencyMs ?? 0) * p.Traffic.CallsPerMinute) / calls, 1);
        return new(
            processes.Select(p => p.Breaker).DefaultIfEmpty(CircuitState.Closed).MaxBy(Severity),
            new AgencyTrafficSnapshot(calls, processes.Sum(p => p.Traffic.FailuresPerMinute), latency),
            processes);
    }

    private static int Severity(CircuitState state) => state switch
    {
        CircuitState.Open or CircuitState.Isolated => 2,
        CircuitState.HalfOpen => 1,
        _ => 0,
    };
}

[Description("One hub process's view of the agency.")]
public sealed record AgencyProcessView(
    [property: Description("Host, process id and a start-unique suffix.")] string ProcessId,
    [property: Description("all, api or worker.")] string Role,
    [property: Description("True for the process that answered this request.")] bool Current,
    CircuitState Breaker,
    bool HttpRetriesEnabled,
    long? QuotaAvailable,
    AgencyTrafficSnapshot Traffic,
    DateTimeOffset ReportedAt)
{
    /// <summary>This process's live view.</summary>
    public static AgencyProcessView Live(AgencyStatus status, string processId, string role, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(processId, role, true, status.Breaker, status.HttpRetriesEnabled, status.QuotaAvailable, status.Traffic, now);
    }

    /// <summary>Another process's view as it reported it, the breaker by name.</summary>
    public static AgencyProcessView Reported(
        string processId, string role, string breaker, bool httpRetriesEnabled, long? quotaAvailable, AgencyTrafficSnapshot traffic, DateTimeOffset reportedAt) =>
        new(processId, role, false, Enum.Parse<CircuitState>(breaker), httpRetriesEnabled, quotaAvailable, traffic, reportedAt);
}
