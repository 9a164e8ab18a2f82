using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Adapters.Telemetry;

namespace MppIntegrationHub.Hub.Agencies;

/// <summary>One hub process's view of one agency as last reported: its breaker, quota and traffic are per process.</summary>
public sealed class AgencyProcessReport
{
    public required string ProcessId { get; init; }

    public required string Agency { get; init; }

    public required string Role { get; set; }

    public required string Health { get; set; }

    public required string Breaker { get; set; }

    public bool HttpRetriesEnabled { get; set; }

    public long? QuotaAvailable { get; set; }

    public int CallsPerMinute { get; set; }

    public int FailuresPerMinute { get; set; }

    public double? MeanLatencyMs { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public AgencyProcessView ToView() =>
        AgencyProcessView.Reported(ProcessId, Role, Breaker, HttpRetriesEnabled, QuotaAvailable, new AgencyTrafficSnapshot(CallsPerMinute, FailuresPerMinute, MeanLatencyMs), ReportedAt);
}
