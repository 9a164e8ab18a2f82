using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Telemetry;

/// <summary>
/// Traces and measures every capability call to an agency: a span per call, call duration and errors per agency
/// and capability, the breaker state and the quota permits left as gauges, and a one-minute traffic window that
/// the operator console reads; the pipelines' retries, breaker transitions, quota refusals and timeouts are counted
/// through <see cref="AgencyResilienceEvents"/>.
/// </summary>
public sealed class AgencyTelemetry : IDisposable
{
    public const string ActivitySourceName = "MppIntegrationHub.Adapters";
    public const string MeterName = "MppIntegrationHub.Adapters";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly Meter _meter;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _resilienceEvents;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, AgencyTraffic> _traffic = new(StringComparer.Ordinal);

    public AgencyTelemetry(IMeterFactory meters, AgencyControls controls, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(controls);
        _clock = clock;
        _meter = meters.Create(MeterName);
        _duration = _meter.CreateHistogram<double>(
            "hub.agency.call.duration", "s", "Capability calls to an agency, HTTP retries included, by agency, capability and outcome.");
        _errors = _meter.CreateCounter<long>("hub.agency.call.errors", "{error}", "Failed capability calls by agency, capability and error kind.");
        _resilienceEvents = _meter.CreateCounter<long>(
            "hub.agency.resilience.events", "{event}", "Retries, breaker transitions, calls refused at the quota and timeouts, by agency and event.");
        _meter.CreateObservableGauge(
            "hub.agency.breaker.state",
            () => controls.All.Select(c => new Measurement<int>((int)c.Breaker.CircuitState, new KeyValuePair<string, object?>(TagNames.Agency, c.Agency))),
            "{state}",
            "Circuit breaker per agency: 0 closed, 1 open, 2 half-open, 3 isolated.");
        _meter.CreateObservableGauge(
            "hub.agency.quota.available",
            () => controls.All.Where(c => c.QuotaPermitsAvailable is not null)
                .Select(c => new Measurement<long>(c.QuotaPermitsAvailable!.Value, new KeyValuePair<string, object?>(TagNames.Agency, c.Agency))),
            "{permit}",
            "Calls the agency's published quota still allows in the current window.");
    }

    /// <summary>Starts measuring one call; end it with <see cref="AgencyCall.End"/>.</summary>
    internal AgencyCall Start(string agency, string capability, CallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The span's name is only built when someone listens: most processes export no traces.
        var activity = Source.HasListeners() ? Source.StartActivity($"agency {capability}", ActivityKind.Internal) : null;
        if (activity is not null)
        {
            activity.SetTag(TagNames.Agency, agency);
            activity.SetTag(TagNames.Capability, capability);
            if (context.ApplicationId is { } application)
            {
                activity.SetTag(TagNames.Application, application.ToString());
            }
        }

        return new AgencyCall(this, agency, capability, activity, _clock.GetTimestamp());
    }

    /// <summary>Calls, failures and mean latency of the agency over the last minute.</summary>
    public AgencyTrafficSnapshot Traffic(string agency) =>
        _traffic.TryGetValue(agency, out var traffic) ? traffic.Snapshot(CurrentSecond(_clock.GetTimestamp())) : AgencyTrafficSnapshot.None;

    public void Dispose() => _meter.Dispose();

    internal void Record(string agency, string capability, long startedAt, AgencyErrorKind? error)
    {
        var now = _clock.GetTimestamp();
        var elapsed = _clock.GetElapsedTime(startedAt, now);
        var outcome = error is { } kind ? OutcomeNames.Of(kind) : OutcomeNames.Success;
        _duration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(TagNames.Agency, agency),
            new KeyValuePair<string, object?>(TagNames.Capability, capability),
            new KeyValuePair<string, object?>(TagNames.Outcome, outcome));
        if (error is not null)
        {
            _errors.Add(
                1,
                new KeyValuePair<string, object?>(TagNames.Agency, agency),
                new KeyValuePair<string, object?>(TagNames.Capability, capability),
                new KeyValuePair<string, object?>(TagNames.Outcome, outcome));
        }

        _traffic.GetOrAdd(agency, static _ => new AgencyTraffic()).Add(CurrentSecond(now), elapsed, failed: error is not null);
    }

    internal void ResilienceEvent(string agency, string name) => _resilienceEvents.Add(
        1,
        new KeyValuePair<string, object?>(TagNames.Agency, agency),
        new KeyValuePair<string, object?>(TagNames.ResilienceEvent, name));

    /// <summary>Whole seconds on the clock's monotonic timestamp: the call's end time is read once, for its duration and its bucket.</summary>
    private long CurrentSecond(long timestamp) => timestamp / _clock.TimestampFrequency;

    /// <summary>Attribute names on the hub's spans and metrics.</summary>
    public static class TagNames
    {
        public const string Agency = "hub.agency";
        public const string Capability = "hub.capability";
        public const string Outcome = "hub.outcome";
        public const string Application = "hub.application.id";
        public const string ResilienceEvent = "hub.resilience.event";
    }
}

/// <summary>One capability call being measured: its span and start time (a value: nothing to allocate per call).</summary>
internal readonly struct AgencyCall
{
    private readonly AgencyTelemetry _telemetry;
    private readonly string _agency;
    private readonly string _capability;
    private readonly Activity? _activity;
    private readonly long _startedAt;

    internal AgencyCall(AgencyTelemetry telemetry, string agency, string capability, Activity? activity, long startedAt)
    {
        _telemetry = telemetry;
        _agency = agency;
        _capability = capability;
        _activity = activity;
        _startedAt = startedAt;
    }

    /// <summary>
    /// Ends the call; <paramref name="error"/> is the canonical error's kind when it failed (never its message: it may
    /// quote citizen data).
    /// </summary>
    public void End(AgencyErrorKind? error)
    {
        if (_activity is not null)
        {
            if (error is { } kind)
            {
                _activity.SetStatus(ActivityStatusCode.Error, OutcomeNames.Of(kind));
            }

            _activity.SetTag(AgencyTelemetry.TagNames.Outcome, error is { } failed ? OutcomeNames.Of(failed) : OutcomeNames.Success);
            _activity.Dispose();
        }

        _telemetry.Record(_agency, _capability, _startedAt, error);
    }
}
