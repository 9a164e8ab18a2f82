using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Adapters.Telemetry;
using MppIntegrationHub.Adapters.Tests.Dukcapil;
using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.Resilience;

[Collection(SimulatorsCollection.Name)]
public sealed class PipelineEventTests(SimulatorsFixture fixture)
{
    private readonly AgencySimulators _sims = fixture.Reset();

    [Fact]
    public async Task Retry_AfterATransientAnswer_IsLoggedAtWarningWithItsStatusCodeAndCounted()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        using var events = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), AgencyTelemetry.MeterName, "hub.agency.resilience.events");
        _sims.Dukcapil.Faults.FailNext(1, 503);

        await host.Invoker.InvokeAsync(
            CanonicalCapabilities.IdentityVerify, DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]), new CallContext());

        Assert.Equal(2, _sims.Dukcapil.Requests.Total);
        var retry = Assert.Single(Events(host));
        Assert.Equal((LogLevel.Warning, "dukcapil", "2", "503"), (
            retry.Level, retry.GetStructuredStateValue("Agency"), retry.GetStructuredStateValue("Attempt"), retry.GetStructuredStateValue("Outcome")));
        var counted = Assert.Single(events.GetMeasurementSnapshot());
        Assert.Equal((1L, "dukcapil", "retry"), (counted.Value, (string?)counted.Tags["hub.agency"], (string?)counted.Tags["hub.resilience.event"]));
    }

    [Fact]
    public async Task Call_SucceedingFirstTime_ReportsNoResilienceEvent()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));

        await host.Invoker.InvokeAsync(
            CanonicalCapabilities.IdentityVerify, DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]), new CallContext());

        Assert.Empty(Events(host));
    }

    /// <summary>The log records of the agency pipelines' events, oldest first.</summary>
    internal static List<FakeLogRecord> Events(AdapterHost host) =>
        [.. host.Logs.GetSnapshot().Where(r => r.Category == typeof(AgencyResilienceEvents).FullName)];
}
