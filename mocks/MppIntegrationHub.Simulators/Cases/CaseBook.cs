using System.Text.Json;
using MppIntegrationHub.Simulators.Callbacks;

namespace MppIntegrationHub.Simulators.Cases;

/// <summary>
/// The applications one agency is processing. Each moves through its stages as the clock passes (a timer per case on
/// the injected <see cref="TimeProvider"/>) or when a tester advances it; every change is sent as a callback.
/// </summary>
public sealed class CaseBook
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, AgencyCase> _cases = new(StringComparer.Ordinal);
    private readonly string _agency;
    private readonly string _referenceField;
    private readonly TimeProvider _clock;
    private readonly CallbackSender _callbacks;

    internal CaseBook(string agency, string referenceField, TimeProvider clock, CallbackSender callbacks)
    {
        _agency = agency;
        _referenceField = referenceField;
        _clock = clock;
        _callbacks = callbacks;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _cases.Count;
            }
        }
    }

    /// <summary>The current status of a case, or null when the agency has no such case.</summary>
    public string? StatusOf(string reference) => Body(reference) is { } body
        ? JsonDocument.Parse(body).RootElement.GetProperty("status").GetString()
        : null;

    /// <summary>The JSON the agency's GET answers for the case (and posts as its callback), or null.</summary>
    public string? Body(string reference)
    {
        lock (_lock)
        {
            if (!_cases.TryGetValue(reference, out var found))
            {
                return null;
            }

            Refresh(found);
            return found.Render(_referenceField);
        }
    }

    /// <summary>Tester action: the case reaches its next stage now. Returns the new body, or null when unknown.</summary>
    public string? Advance(string reference)
    {
        lock (_lock)
        {
            if (!_cases.TryGetValue(reference, out var found))
            {
                return null;
            }

            Refresh(found);
            if (found.Reached + 1 < found.Stages.Count)
            {
                Reach(found, found.Reached + 1, _clock.GetUtcNow());
                Schedule(found);
            }

            return found.Render(_referenceField);
        }
    }

    /// <summary>Statuses of every case, by reference.</summary>
    public IReadOnlyDictionary<string, string> Statuses()
    {
        lock (_lock)
        {
            return _cases.Values.ToDictionary(c => c.Reference, c =>
            {
                Refresh(c);
                return c.Stages[c.Reached].Status;
            }, StringComparer.Ordinal);
        }
    }

    /// <summary>Opens a case at its first stage; answers the body as it stands at creation.</summary>
    internal string Open(string reference, IReadOnlyList<CaseStage> stages, IReadOnlyDictionary<string, string>? fields = null)
    {
        lock (_lock)
        {
            var opened = new AgencyCase(reference, stages, fields);
            _cases.Add(reference, opened);
            Reach(opened, 0, _clock.GetUtcNow(), notify: false);
            var body = opened.Render(_referenceField);
            Refresh(opened);
            Schedule(opened);
            return body;
        }
    }

    internal bool Exists(string reference)
    {
        lock (_lock)
        {
            return _cases.ContainsKey(reference);
        }
    }

    private void Refresh(AgencyCase found)
    {
        var now = _clock.GetUtcNow();
        while (found.Reached + 1 < found.Stages.Count && found.ReachedAt + found.Stages[found.Reached + 1].After <= now)
        {
            Reach(found, found.Reached + 1, found.ReachedAt + found.Stages[found.Reached + 1].After);
        }
    }

    private void Reach(AgencyCase found, int stage, DateTimeOffset at, bool notify = true)
    {
        found.Reached = stage;
        found.ReachedAt = at;
        if (found.Stages[stage].Outputs is { } outputs)
        {
            foreach (var (key, value) in outputs(at.ToOffset(Wib)))
            {
                found.Fields[key] = value;
            }
        }

        if (notify)
        {
            _callbacks.Enqueue(_agency, found.Render(_referenceField));
        }
    }

    private void Schedule(AgencyCase found)
    {
        found.Timer?.Dispose();
        found.Timer = null;
        if (found.Reached + 1 >= found.Stages.Count)
        {
            return;
        }

        // Timers cap out near 49 days; a longer wait (SKCK expiry) wakes up early, finds nothing due and re-arms.
        var due = found.ReachedAt + found.Stages[found.Reached + 1].After - _clock.GetUtcNow();
        due = due < TimeSpan.Zero ? TimeSpan.Zero : due > LongestTimer ? LongestTimer : due;
        found.Timer = _clock.CreateTimer(_ => OnTimer(found.Reference), null, due, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer(string reference)
    {
        lock (_lock)
        {
            if (_cases.TryGetValue(reference, out var found))
            {
                Refresh(found);
                Schedule(found);
            }
        }
    }

    private sealed class AgencyCase(string reference, IReadOnlyList<CaseStage> stages, IReadOnlyDictionary<string, string>? fields)
    {
        public string Reference { get; } = reference;

        public IReadOnlyList<CaseStage> Stages { get; } = stages;

        public Dictionary<string, string> Fields { get; } = fields is null ? [] : new(fields, StringComparer.Ordinal);

        public int Reached { get; set; }

        public DateTimeOffset ReachedAt { get; set; }

        public ITimer? Timer { get; set; }

        public string Render(string referenceField)
        {
            var body = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [referenceField] = Reference,
                ["status"] = Stages[Reached].Status,
                ["diperbarui"] = RestFormats.Time(ReachedAt),
            };
            foreach (var (key, value) in Fields)
            {
                body[key] = value;
            }

            return JsonSerializer.Serialize(body);
        }
    }
}
