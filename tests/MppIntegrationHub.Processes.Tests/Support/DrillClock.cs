using MppIntegrationHub.Contracts.Time;

namespace MppIntegrationHub.Processes.Tests.Support;

/// <summary>The accelerated clock every process of one test shares (same anchor, same factor), and the test too.</summary>
internal sealed class DrillClock
{
    public DrillClock(double factor)
    {
        Factor = factor;
        Anchor = TimeProvider.System.GetUtcNow();
        Clock = new AcceleratedTimeProvider(Anchor, factor);
    }

    public double Factor { get; }

    public DateTimeOffset Anchor { get; }

    public AcceleratedTimeProvider Clock { get; }

    /// <summary>A simulated span expressed as configuration (<c>c</c> format).</summary>
    public static string Span(TimeSpan simulated) => simulated.ToString("c", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The simulated span that lasts <paramref name="real"/>.</summary>
    public TimeSpan Simulated(TimeSpan real) => real * Factor;
}
