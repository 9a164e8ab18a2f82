namespace MppIntegrationHub.Contracts.Time;

/// <summary>
/// A clock for drills and integration environments on which days pass in minutes: from <see cref="Anchor"/> on,
/// every real second is <see cref="Factor"/> simulated seconds. Timers and delays scale with it (a one-hour wait
/// fires after 1/Factor hours), so agency case progressions, billing expiry, poll intervals and step deadlines all
/// keep their published durations in simulated time. Processes sharing the anchor and the factor agree on the time
/// to within their real clocks' skew. Never for production: the hosts refuse it there.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    /// <summary>The largest factor accepted (one real second is a bit more than a simulated day).</summary>
    public const double MaxFactor = 100_000;

    private readonly TimeProvider _real;
    private readonly long _realStartTimestamp;

    public AcceleratedTimeProvider(DateTimeOffset anchor, double factor, TimeProvider? real = null)
    {
        if (double.IsNaN(factor) || factor < 1 || factor > MaxFactor)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"The acceleration must be between 1 and {MaxFactor:N0}.");
        }

        _real = real ?? System;
        _realStartTimestamp = _real.GetTimestamp();
        Anchor = anchor;
        Factor = factor;
    }

    /// <summary>The real instant at which simulated and real time coincide.</summary>
    public DateTimeOffset Anchor { get; }

    /// <summary>Simulated seconds per real second.</summary>
    public double Factor { get; }

    public override DateTimeOffset GetUtcNow() => Anchor + Simulated(_real.GetUtcNow() - Anchor);

    public override long TimestampFrequency => _real.TimestampFrequency;

    // Relative to the start, so the scaled count stays far from overflow.
    public override long GetTimestamp() => _realStartTimestamp + (long)((_real.GetTimestamp() - _realStartTimestamp) * Factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_real.CreateTimer(callback, state, Real(dueTime), Real(period)), this);

    /// <summary>The real span that lasts <paramref name="simulated"/> on this clock.</summary>
    public TimeSpan Real(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero ? simulated : TimeSpan.FromTicks(Math.Max(1, (long)(simulated.Ticks / Factor)));

    private TimeSpan Simulated(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * Factor));

    private sealed class ScaledTimer(ITimer inner, AcceleratedTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Real(dueTime), clock.Real(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
