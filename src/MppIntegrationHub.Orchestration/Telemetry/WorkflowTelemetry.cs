using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MppIntegrationHub.Orchestration.Telemetry;

/// <summary>
/// The orchestrator's spans and metrics. A step runs in the trace of the event that dispatched it: the trace
/// context is stored with each outbox row and restored when the row is relayed, so an application's first steps
/// share the API request's trace. Due-time wakeups and lease expiries start a trace of their own, linked to the
/// application's submission trace. Step attempts relayed together in one message (<c>ExecuteSteps</c>) each still run
/// in their own application's trace; the batch's relay span links those traces and each step span links the batch's
/// consume span, so the shared bus hop is one link away.
/// </summary>
public sealed class WorkflowTelemetry : IDisposable
{
    public const string ActivitySourceName = "MppIntegrationHub.Orchestration";
    public const string MeterName = "MppIntegrationHub.Orchestration";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly Meter _meter;
    private readonly Histogram<double> _attemptDuration;

    public WorkflowTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _attemptDuration = _meter.CreateHistogram<double>(
            "hub.workflow.step.duration", "s", "Step attempts by service, step, capability and outcome (success or the canonical error kind).");
    }

    /// <summary>The W3C trace context to store beside a row written now; null outside any trace.</summary>
    internal static string? CurrentTraceParent() => Activity.Current?.Id;

    /// <summary>Restores a stored trace context around relaying one outbox row.</summary>
    internal static Activity? StartRelay(string messageType, string? traceParent) =>
        traceParent is null ? null : Source.StartActivity($"outbox relay {messageType}", ActivityKind.Internal, traceParent);

    /// <summary>Relays a batch of step attempts: its own span, linked to each attempt's trace.</summary>
    internal static Activity? StartBatchRelay(string messageType, IEnumerable<string?> traceParents) =>
        Source.StartActivity($"outbox relay {messageType}", ActivityKind.Internal, parentContext: default, links: LinksTo(traceParents));

    /// <summary>Starts the new trace of a background event (due time, expired lease), linked to the application's trace once it is known.</summary>
    internal static Activity? StartBackground(string name, Guid applicationId)
    {
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        activity?.SetTag(Tags.Application, applicationId.ToString());
        return activity;
    }

    /// <summary>Links <paramref name="activity"/> to the trace the application was submitted in.</summary>
    internal static void LinkToSubmission(Activity? activity, string? submissionTraceParent)
    {
        if (activity is not null && submissionTraceParent is not null
            && ActivityContext.TryParse(submissionTraceParent, null, out var submission))
        {
            activity.AddLink(new ActivityLink(submission));
        }
    }

    /// <summary>
    /// A step attempt's span: a child of the current span (the bus's consume span), or for an attempt of a batch, of
    /// <paramref name="batchedTraceParent"/> (its application's trace), linked to the batch's consume span.
    /// </summary>
    internal static Activity? StartStep(string serviceCode, string stepId, string capability, Guid applicationId, int attempt, string? batchedTraceParent)
    {
        var activity = batchedTraceParent is not null && ActivityContext.TryParse(batchedTraceParent, null, out var parent)
            ? Source.StartActivity($"workflow step {stepId}", ActivityKind.Internal, parent, links: LinksTo([Activity.Current?.Id]))
            : Source.StartActivity($"workflow step {stepId}", ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(Tags.Service, serviceCode);
            activity.SetTag(Tags.Step, stepId);
            activity.SetTag(Tags.Capability, capability);
            activity.SetTag(Tags.Application, applicationId.ToString());
            activity.SetTag(Tags.Attempt, attempt);
        }

        return activity;
    }

    private static List<ActivityLink> LinksTo(IEnumerable<string?> traceParents) =>
        [.. traceParents.Select(p => p is not null && ActivityContext.TryParse(p, null, out var context) ? new ActivityLink(context) : default)
            .Where(link => link.Context != default)];

    internal void RecordAttempt(string serviceCode, string stepId, string capability, string outcome, TimeSpan duration) =>
        _attemptDuration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>(Tags.Service, serviceCode),
            new KeyValuePair<string, object?>(Tags.Step, stepId),
            new KeyValuePair<string, object?>(Tags.Capability, capability),
            new KeyValuePair<string, object?>(Tags.Outcome, outcome));

    public void Dispose() => _meter.Dispose();

    /// <summary>Attribute names on the orchestrator's spans and metrics.</summary>
    public static class Tags
    {
        public const string Service = "hub.service";
        public const string Step = "hub.step";
        public const string Capability = "hub.capability";
        public const string Application = "hub.application.id";
        public const string Attempt = "hub.attempt";
        public const string Outcome = "hub.outcome";
    }
}
