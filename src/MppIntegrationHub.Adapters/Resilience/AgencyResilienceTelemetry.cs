using Microsoft.Extensions.Options;
using Polly.Telemetry;

namespace MppIntegrationHub.Adapters.Resilience;

/// <summary>
/// How Polly reports agency calls. It reports every attempt, successful ones at Information: one log line per agency
/// call. Those go to Debug; retried (handled) attempts, breaker and rate-limiter events keep their severity. Polly
/// formats each outcome for its log events before it knows whether they are written, boxing the status code of
/// every answer: the codes are boxed once here.
/// </summary>
internal sealed class AgencyResilienceTelemetry : IConfigureOptions<TelemetryOptions>
{
    private const string ExecutionAttempt = "ExecutionAttempt";

    /// <summary>Status codes 0-599, boxed.</summary>
    private static readonly object[] StatusCodes = [.. Enumerable.Range(0, 600).Select(code => (object)code)];

    public void Configure(TelemetryOptions options)
    {
        options.SeverityProvider = Severity;
        options.ResultFormatter = Result;
    }

    private static ResilienceEventSeverity Severity(SeverityProviderArguments args) =>
        args.Event is { EventName: ExecutionAttempt, Severity: ResilienceEventSeverity.Information }
            ? ResilienceEventSeverity.Debug
            : args.Event.Severity;

    /// <summary>An answer is logged as its status code, as Polly does by default.</summary>
    private static object? Result(Polly.ResilienceContext context, object? result) => result switch
    {
        HttpResponseMessage { StatusCode: var status } when (int)status is >= 0 and < 600 => StatusCodes[(int)status],
        HttpResponseMessage response => (int)response.StatusCode,
        _ => result,
    };
}
