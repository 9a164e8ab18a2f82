using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Contracts.Time;
using MppIntegrationHub.Hub.Hosting;

namespace MppIntegrationHub.Hub.Tests.Hosting;

public sealed class HubClockTests
{
    [Fact]
    public void AddHubClock_AccelerationInProduction_Refused()
    {
        var builder = Builder("Production", ("Clock:Acceleration", "3600"), ("Clock:Anchor", "2026-11-23T10:00:00Z"));

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddHubClock());

        Assert.Contains("Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHubClock_AccelerationInStaging_RegistersTheDrillClock()
    {
        var builder = Builder("Staging", ("Clock:Acceleration", "3600"), ("Clock:Anchor", "2026-11-23T10:00:00Z"));

        builder.AddHubClock();
        using var services = builder.Services.BuildServiceProvider();

        var clock = Assert.IsType<AcceleratedTimeProvider>(services.GetRequiredService<TimeProvider>());
        Assert.Equal(3_600, clock.Factor);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddHubClock_Acceleration_LeavesAgencyTransportOnTheSystemClock(bool adaptersFirst)
    {
        var builder = Builder("Staging", ("Clock:Acceleration", "3600"), ("Clock:Anchor", "2026-11-23T10:00:00Z"));

        if (adaptersFirst)
        {
            builder.Services.AddAdapterRegistry();
        }

        builder.AddHubClock();
        builder.Services.AddAdapterRegistry();
        using var services = builder.Services.BuildServiceProvider();

        Assert.IsType<AcceleratedTimeProvider>(services.GetRequiredService<TimeProvider>());
        Assert.Same(TimeProvider.System, services.GetRequiredKeyedService<TimeProvider>(AgencyPipeline.ClockKey));
    }

    [Fact]
    public void AddHubClock_Unset_RegistersTheSystemClock()
    {
        var builder = Builder("Production");

        builder.AddHubClock();
        builder.Services.AddAdapterRegistry();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.Same(TimeProvider.System, services.GetRequiredKeyedService<TimeProvider>(AgencyPipeline.ClockKey));
    }

    private static WebApplicationBuilder Builder(string environment, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }
}
