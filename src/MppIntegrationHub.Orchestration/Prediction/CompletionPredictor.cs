using System.Collections.Concurrent;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Orchestration.Definitions;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Prediction;

/// <summary>
/// Predicts when an application completes (p50, p90): the longest remaining path through its steps, each step
/// estimated from the rolling window of durations observed for its capability, or, until enough are observed,
/// from the step's published duration scaled so that a fresh application is predicted at the service's
/// published duration.
/// </summary>
public sealed class CompletionPredictor
{
    private const int WindowSize = 256;
    private const int MinimumSamples = 5;
    private const double SeedP90Factor = 1.5;
    private static readonly TimeSpan DefaultStepSeed = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, RollingDurations> _observed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<WorkflowPlan, double> _seedScales = new();

    /// <summary>Adds one observed duration of a step calling <paramref name="capability"/>.</summary>
    public void Observe(string capability, TimeSpan duration) =>
        _observed.GetOrAdd(capability, _ => new RollingDurations(WindowSize)).Add(duration);

    public ExpectedCompletion? Predict(WorkflowInstance app, WorkflowPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(plan);
        if (app.IsTerminal)
        {
            return app.Status == ApplicationStatus.Completed && app.CompletedAt is { } done ? new ExpectedCompletion(done, done) : null;
        }

        var scale = _seedScales.GetOrAdd(plan, SeedScale);
        var estimates = plan.TopologicalOrder.ToDictionary(s => s.Id, s => Estimate(s, scale), StringComparer.Ordinal);
        var p50 = RemainingPath(app, plan, now, step => estimates[step.Id].P50);
        var p90 = RemainingPath(app, plan, now, step => estimates[step.Id].P90);
        return new ExpectedCompletion(now + p50, now + (p90 > p50 ? p90 : p50));
    }

    private (TimeSpan P50, TimeSpan P90) Estimate(StepDefinition step, double scale)
    {
        if (_observed.TryGetValue(step.Capability, out var window) && window.Quantiles(0.5, 0.9) is { Count: >= MinimumSamples } q)
        {
            return (q.First, q.Second);
        }

        var seed = (step.ExpectedDuration ?? DefaultStepSeed) * scale;
        return (seed, seed * SeedP90Factor);
    }

    // Published step durations rarely add up to the service's published level; scale them so they do.
    private static double SeedScale(WorkflowPlan plan)
    {
        var finish = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var step in plan.TopologicalOrder)
        {
            var start = step.DependsOn.Select(d => finish[d]).DefaultIfEmpty(TimeSpan.Zero).Max();
            finish[step.Id] = start + (step.ExpectedDuration ?? DefaultStepSeed);
        }

        var critical = finish.Values.Max();
        return critical > TimeSpan.Zero ? plan.Definition.ExpectedDuration / critical : 1;
    }

    private static TimeSpan RemainingPath(WorkflowInstance app, WorkflowPlan plan, DateTimeOffset now, Func<StepDefinition, TimeSpan> estimate)
    {
        var finish = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var step in plan.TopologicalOrder)
        {
            var state = app.Steps.Find(s => s.StepId == step.Id);
            var start = step.DependsOn.Select(d => finish[d]).DefaultIfEmpty(TimeSpan.Zero).Max();
            var own = state?.Status switch
            {
                StepStatus.Succeeded or StepStatus.Skipped or StepStatus.Compensated => TimeSpan.Zero,
                _ when state?.StartedAt is { } started => Max(TimeSpan.Zero, estimate(step) - (now - started)),
                _ => estimate(step),
            };
            finish[step.Id] = start + own;
        }

        return finish.Values.DefaultIfEmpty(TimeSpan.Zero).Max();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class RollingDurations(int capacity)
    {
        private readonly TimeSpan[] _items = new TimeSpan[capacity];
        private int _count;
        private int _next;

        // Sorted once per change of the window, not per prediction: a batch of transitions predicts many
        // applications between two observations.
        private TimeSpan[]? _sorted;

        public void Add(TimeSpan duration)
        {
            lock (_items)
            {
                _items[_next] = duration;
                _next = (_next + 1) % _items.Length;
                _count = Math.Min(_count + 1, _items.Length);
                _sorted = null;
            }
        }

        public (int Count, TimeSpan First, TimeSpan Second) Quantiles(double first, double second)
        {
            TimeSpan[] sorted;
            lock (_items)
            {
                if (_sorted is null)
                {
                    _sorted = _items[.._count];
                    Array.Sort(_sorted);
                }

                sorted = _sorted;
            }

            return sorted.Length == 0
                ? (0, TimeSpan.Zero, TimeSpan.Zero)
                : (sorted.Length, sorted[(int)((sorted.Length - 1) * first)], sorted[(int)((sorted.Length - 1) * second)]);
        }
    }
}
