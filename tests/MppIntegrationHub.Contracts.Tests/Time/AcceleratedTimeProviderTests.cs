using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Contracts.Time;

namespace MppIntegrationHub.Contracts.Tests.Time;

public sealed class AcceleratedTimeProviderTests
{
    private static readonly DateTimeOffset Anchor = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_TenRealSecondsAfterTheAnchor_IsTenHoursLater()
    {
        var real = new FakeTimeProvider(Anchor);
        var clock = new AcceleratedTimeProvider(Anchor, 3_600, real);

        real.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(Anchor.AddHours(10), clock.GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_TwoClocksOnTheSameAnchorStartedAtDifferentMoments_Agree()
    {
        var real = new FakeTimeProvider(Anchor);
        var first = new AcceleratedTimeProvider(Anchor, 600, real);
        real.Advance(TimeSpan.FromSeconds(7));
        var second = new AcceleratedTimeProvider(Anchor, 600, real);

        real.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(first.GetUtcNow(), second.GetUtcNow());
        Assert.Equal(Anchor.AddMinutes(100), second.GetUtcNow());
    }

    [Fact]
    public void CreateTimer_OneSimulatedHourAtFactor3600_FiresAfterOneRealSecond()
    {
        var real = new FakeTimeProvider(Anchor);
        var clock = new AcceleratedTimeProvider(Anchor, 3_600, real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        real.Advance(TimeSpan.FromMilliseconds(999));
        var beforeDue = fired;
        real.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(0, beforeDue);
        Assert.Equal(1, fired);
    }

    [Fact]
    public void Change_PeriodOfOneSimulatedMinuteAtFactor60_FiresEveryRealSecond()
    {
        var real = new FakeTimeProvider(Anchor);
        var clock = new AcceleratedTimeProvider(Anchor, 60, real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        real.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(3, fired);
    }

    [Fact]
    public void GetElapsedTime_OneRealSecondAtFactor60_IsOneMinute()
    {
        var real = new FakeTimeProvider(Anchor);
        var clock = new AcceleratedTimeProvider(Anchor, 60, real);
        var start = clock.GetTimestamp();

        real.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromMinutes(1), clock.GetElapsedTime(start));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(1_000_000)]
    public void Constructor_FactorOutOfRange_Throws(double factor) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AcceleratedTimeProvider(Anchor, factor));

    [Fact]
    public void Create_AccelerationWithoutAnchor_ThrowsNamingTheSetting()
    {
        var options = new ClockOptions { Acceleration = 60 };

        var error = Assert.Throws<InvalidOperationException>(options.Create);

        Assert.Contains("Clock:Anchor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Defaults_IsTheSystemClock() => Assert.Same(TimeProvider.System, new ClockOptions().Create());
}
