namespace MppIntegrationHub.Simulators.Faults;

/// <summary>
/// Standing faults of one agency, applied to every request but the admin ones. Rates are 0..1 and drawn from a
/// seeded generator, so a test that sets the same profile and seed sees the same sequence of faults.
/// </summary>
public sealed record FaultProfile
{
    /// <summary>Added to every answer.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>A random extra delay between zero and this, on top of <see cref="Latency"/>.</summary>
    public TimeSpan LatencyJitter { get; init; }

    /// <summary>Share of requests answered with one of <see cref="ErrorStatusCodes"/> in the agency's own error shape.</summary>
    public double ErrorRate { get; init; }

    public IReadOnlyList<int> ErrorStatusCodes { get; init; } = [503];

    /// <summary>Sent as <c>Retry-After</c> (whole seconds) with every injected 429 or 503 answer; none when null.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Share of requests never answered: the connection is held until the caller gives up.</summary>
    public double TimeoutRate { get; init; }

    /// <summary>Share of answers whose body is cut in half and sent as if complete (unparseable JSON).</summary>
    public double MalformedRate { get; init; }

    /// <summary>Share of answers that announce the full length, send half the body and drop the connection.</summary>
    public double TruncatedRate { get; init; }

    /// <summary>Every request's connection is dropped without an answer, as when the agency is down.</summary>
    public bool Outage { get; init; }

    /// <summary>Re-seeds the fault generator when the profile is applied.</summary>
    public int? Seed { get; init; }

    public static FaultProfile None { get; } = new();
}
