namespace MppIntegrationHub.Contracts.Time;

/// <summary>
/// The clock of a hub or simulator process (configuration section <c>Clock</c>). Unset, it is the real clock. For a
/// drill, set <see cref="Acceleration"/> and the same <see cref="Anchor"/> in every process of the drill (hub roles
/// and simulators), so all of them see the same simulated time.
/// </summary>
public sealed record ClockOptions
{
    public const string Section = "Clock";

    /// <summary>Simulated seconds per real second; 1 (the default) is the real clock.</summary>
    public double Acceleration { get; init; } = 1;

    /// <summary>Real instant from which time runs faster; required when <see cref="Acceleration"/> is above 1.</summary>
    public DateTimeOffset? Anchor { get; init; }

    /// <summary>True when the options ask for an accelerated clock.</summary>
    public bool IsAccelerated => Acceleration > 1;

    /// <summary>The clock these options describe.</summary>
    public TimeProvider Create()
    {
        if (!IsAccelerated)
        {
            return TimeProvider.System;
        }

        return Anchor is { } anchor
            ? new AcceleratedTimeProvider(anchor, Acceleration)
            : throw new InvalidOperationException($"{Section}:Anchor is required with {Section}:Acceleration: every process of the drill must share it.");
    }
}
