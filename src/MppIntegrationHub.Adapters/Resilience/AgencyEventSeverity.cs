using Microsoft.Extensions.Options;
using Polly.Telemetry;

namespace MppIntegrationHub.Adapters.Resilience;

/// <summary>
/// Polly reports every agency attempt, successful ones at Information: one log line per agency call. Those go to Debug;
/// retried (handled) attempts, breaker and rate-limiter events keep their severity.
/// </summary>
internal sealed class AgencyEventSeverity : IConfigureOptions<TelemetryOptions>
{
    private const string ExecutionAttempt = "ExecutionAttempt";

    public void Configure(TelemetryOptions options) => options.SeverityProvider = Severity;

    private static ResilienceEventSeverity Severity(SeverityProviderArguments args) =>
        args.Event is { EventName: ExecutionAttempt, Severity: ResilienceEventSeverity.Information }
            ? ResilienceEventSeverity.Debug
            : args.Event.Severity;
}
