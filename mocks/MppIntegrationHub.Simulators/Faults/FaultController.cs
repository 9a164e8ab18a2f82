namespace MppIntegrationHub.Simulators.Faults;

/// <summary>Run-time faults of one agency simulator: standing profile, scripted failures and quota.</summary>
public sealed class FaultController
{
    private readonly Lock _lock = new();
    private readonly Queue<int> _scripted = new();
    private readonly long? _defaultQuota;
    private readonly int _seed;
    private Random _random;
    private FaultProfile _profile = FaultProfile.None;
    private long? _quota;

    internal FaultController(int seed, long? defaultQuota)
    {
        _seed = seed;
        _random = new Random(seed);
        _defaultQuota = defaultQuota;
        _quota = defaultQuota;
    }

    public FaultProfile Profile
    {
        get
        {
            lock (_lock)
            {
                return _profile;
            }
        }
    }

    /// <summary>Requests this agency still accepts before it answers "quota exhausted"; null when unlimited.</summary>
    public long? QuotaRemaining
    {
        get
        {
            lock (_lock)
            {
                return _quota;
            }
        }
    }

    /// <summary>Failures still scripted with <see cref="FailNext"/>.</summary>
    public int ScriptedFailuresLeft
    {
        get
        {
            lock (_lock)
            {
                return _scripted.Count;
            }
        }
    }

    /// <summary>Replaces the standing profile (and re-seeds when it carries a seed).</summary>
    public void Set(FaultProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (_lock)
        {
            _profile = profile;
            if (profile.Seed is { } seed)
            {
                _random = new Random(seed);
            }
        }
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="statusCode"/>, then behaves again.</summary>
    public void FailNext(int count, int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _scripted.Enqueue(statusCode);
            }
        }
    }

    /// <summary>Sets the remaining quota (0 exhausts it at once; null makes it unlimited).</summary>
    public void SetQuota(long? remaining)
    {
        lock (_lock)
        {
            _quota = remaining;
        }
    }

    /// <summary>Back to normal: no profile, no scripted failures, the default quota, the initial seed.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _profile = FaultProfile.None;
            _scripted.Clear();
            _quota = _defaultQuota;
            _random = new Random(_seed);
        }
    }

    internal FaultDecision Decide()
    {
        lock (_lock)
        {
            var delay = _profile.Latency + (_profile.LatencyJitter * _random.NextDouble());
            if (_profile.Outage)
            {
                return new FaultDecision(FaultKind.Outage, TimeSpan.Zero);
            }

            if (_scripted.TryDequeue(out var scripted))
            {
                return new FaultDecision(FaultKind.Status, delay, scripted, _profile.RetryAfter);
            }

            if (_quota is { } quota)
            {
                if (quota <= 0)
                {
                    return new FaultDecision(FaultKind.QuotaExhausted, delay);
                }

                _quota = quota - 1;
            }

            var roll = _random.NextDouble();
            if (roll < _profile.TimeoutRate)
            {
                return new FaultDecision(FaultKind.NoAnswer, delay);
            }

            roll -= _profile.TimeoutRate;
            if (roll < _profile.ErrorRate && _profile.ErrorStatusCodes.Count > 0)
            {
                return new FaultDecision(FaultKind.Status, delay, _profile.ErrorStatusCodes[_random.Next(_profile.ErrorStatusCodes.Count)], _profile.RetryAfter);
            }

            roll -= _profile.ErrorRate;
            if (roll < _profile.MalformedRate)
            {
                return new FaultDecision(FaultKind.Malformed, delay);
            }

            roll -= _profile.MalformedRate;
            return roll < _profile.TruncatedRate
                ? new FaultDecision(FaultKind.Truncated, delay)
                : new FaultDecision(FaultKind.None, delay);
        }
    }
}
