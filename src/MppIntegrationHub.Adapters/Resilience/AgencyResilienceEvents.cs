using Microsoft.Extensions.Logging;
using MppIntegrationHub.Adapters.Telemetry;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace MppIntegrationHub.Adapters.Resilience;

/// <summary>
/// What an agency's pipeline reports: retries, breaker transitions, calls refused at the quota and timeouts, each
/// logged and counted per agency (<c>hub.agency.resilience.events</c>). These come from the strategies' own callbacks,
/// so a call that succeeds first time reports nothing and pays nothing: Polly's telemetry listener would time and
/// report every execution and attempt (about 0.3 µs of the adapter call's 3 µs budget) to repeat what
/// <see cref="AgencyTelemetry"/> already measures per call. Outcomes are logged as status codes or exception types,
/// never bodies or messages (they may quote citizen data).
/// </summary>
public sealed partial class AgencyResilienceEvents(ILogger<AgencyResilienceEvents> logger, AgencyTelemetry telemetry)
{
    /// <summary>The event names counted on <c>hub.agency.resilience.events</c>.</summary>
    public static class Names
    {
        public const string Retry = "retry";
        public const string BreakerOpened = "breaker.opened";
        public const string BreakerHalfOpened = "breaker.half_opened";
        public const string BreakerClosed = "breaker.closed";
        public const string QuotaRejected = "quota.rejected";
        public const string Timeout = "timeout";
    }

    internal ValueTask Retrying(string agency, OnRetryArguments<HttpResponseMessage> args)
    {
        telemetry.ResilienceEvent(agency, Names.Retry);
        // AttemptNumber counts the failed attempt from 0; the log names the next one, counting from 1.
        LogRetrying(agency, args.AttemptNumber + 2, Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
        return default;
    }

    internal ValueTask BreakerOpened(string agency, OnCircuitOpenedArguments<HttpResponseMessage> args)
    {
        telemetry.ResilienceEvent(agency, Names.BreakerOpened);
        LogBreakerOpened(agency, Describe(args.Outcome), args.BreakDuration.TotalSeconds);
        return default;
    }

    internal ValueTask BreakerHalfOpened(string agency)
    {
        telemetry.ResilienceEvent(agency, Names.BreakerHalfOpened);
        LogBreakerHalfOpened(agency);
        return default;
    }

    internal ValueTask BreakerClosed(string agency)
    {
        telemetry.ResilienceEvent(agency, Names.BreakerClosed);
        LogBreakerClosed(agency);
        return default;
    }

    internal ValueTask QuotaRejected(string agency)
    {
        telemetry.ResilienceEvent(agency, Names.QuotaRejected);
        LogQuotaRejected(agency);
        return default;
    }

    internal ValueTask TimedOut(string agency, string timeout, OnTimeoutArguments args)
    {
        telemetry.ResilienceEvent(agency, Names.Timeout);
        LogTimedOut(agency, timeout, args.Timeout.TotalMilliseconds);
        return default;
    }

    /// <summary>An answer's status code, or the exception's type: never its message, which may quote the request.</summary>
    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception ? exception.GetType().Name : ((int)outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Agency {Agency}: attempt {Attempt} follows {Outcome} after {DelayMs} ms")]
    private partial void LogRetrying(string agency, int attempt, string outcome, double delayMs);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Agency {Agency}: circuit breaker opened after {Outcome}; calls fail fast for {BreakSeconds} s")]
    private partial void LogBreakerOpened(string agency, string outcome, double breakSeconds);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Agency {Agency}: circuit breaker half-open, the next call probes the agency")]
    private partial void LogBreakerHalfOpened(string agency);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Agency {Agency}: circuit breaker closed, calls flow again")]
    private partial void LogBreakerClosed(string agency);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Agency {Agency}: call refused at the agency's quota")]
    private partial void LogQuotaRejected(string agency);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Agency {Agency}: {Timeout} of {TimeoutMs} ms reached")]
    private partial void LogTimedOut(string agency, string timeout, double timeoutMs);
}
