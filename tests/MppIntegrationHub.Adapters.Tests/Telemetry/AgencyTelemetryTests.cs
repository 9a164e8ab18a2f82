using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Adapters.Telemetry;
using MppIntegrationHub.Adapters.Tests.Dukcapil;
using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.Telemetry;

[Collection(SimulatorsCollection.Name)]
public sealed class AgencyTelemetryTests(SimulatorsFixture fixture)
{
    private readonly AgencySimulators _sims = fixture.Reset();

    [Fact]
    public async Task InvokeAsync_SuccessThenRefusal_RecordsDurationsErrorsAndTrafficPerAgency()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var meter = host.Services.GetRequiredService<AgencyTelemetry>();
        using var durations = new MetricCollector<double>(Meters(host), AgencyTelemetry.MeterName, "hub.agency.call.duration");
        using var errors = new MetricCollector<long>(Meters(host), AgencyTelemetry.MeterName, "hub.agency.call.errors");
        var request = DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]);

        await host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext());
        _sims.Dukcapil.Faults.FailNext(1, 401);
        await Assert.ThrowsAsync<AgencyException>(() => host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext()));

        Assert.Equal(["success", "unauthorized"], durations.GetMeasurementSnapshot().Select(m => (string?)m.Tags["hub.outcome"]));
        Assert.All(durations.GetMeasurementSnapshot(), m => Assert.Equal(("dukcapil", "identity.verify"), ((string?)m.Tags["hub.agency"], (string?)m.Tags["hub.capability"])));
        var error = Assert.Single(errors.GetMeasurementSnapshot());
        Assert.Equal("unauthorized", error.Tags["hub.outcome"]);
        Assert.Equal(new AgencyTrafficSnapshot(2, 1, meter.Traffic("dukcapil").MeanLatencyMs), meter.Traffic("dukcapil"));
    }

    [Fact]
    public async Task Gauges_AfterACall_ReportBreakerStateAndQuotaLeftPerAgency()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        using var breaker = new MetricCollector<int>(Meters(host), AgencyTelemetry.MeterName, "hub.agency.breaker.state");
        using var quota = new MetricCollector<long>(Meters(host), AgencyTelemetry.MeterName, "hub.agency.quota.available");
        var request = DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]);
        await host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext());

        breaker.RecordObservableInstruments();
        quota.RecordObservableInstruments();

        var state = Assert.Single(breaker.GetMeasurementSnapshot());
        Assert.Equal((0, "dukcapil"), (state.Value, (string?)state.Tags["hub.agency"]));
        var left = Assert.Single(quota.GetMeasurementSnapshot());
        var status = Assert.Single(host.Registry.GetAgencyStatuses());
        Assert.InRange(left.Value, 0, host.Options<Adapters.Dukcapil.DukcapilAdapterOptions>().Quota.PermitLimit - 1);
        Assert.Equal(AdapterHealth.Healthy, status.Health);
        Assert.Equal(1, status.Traffic.CallsPerMinute);
    }

    /// <summary>The host's meter factory: the collectors see this host's instruments only, not those of tests running beside.</summary>
    private static IMeterFactory Meters(AdapterHost host) => host.Services.GetRequiredService<IMeterFactory>();
}
