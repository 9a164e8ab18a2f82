using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Adapters.Tests.Dukcapil;
using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Verification;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.People;
using Polly.CircuitBreaker;

namespace MppIntegrationHub.Adapters.Tests.Resilience;

[Collection(SimulatorsCollection.Name)]
public sealed class CircuitBreakerTests(SimulatorsFixture fixture)
{
    private readonly AgencySimulators _sims = fixture.Reset();

    [Fact]
    public async Task Breaker_DuringOutage_OpensFailsFastAndClosesAfterRecovery()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims, o => o.Breaker.MinimumThroughput = 4), clock);
        var request = DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]);
        _sims.Dukcapil.Faults.Set(new FaultProfile { Outage = true });

        // Retries would sleep on the fake clock; the breaker counts attempts, so one attempt per call is clearer.
        host.Registry.SetRetriesEnabled("dukcapil", false);
        for (var i = 0; i < 4; i++)
        {
            var failure = await FailsAsync(host, request);
            Assert.Equal((AgencyErrorKind.Transient, "connection"), (failure.Kind, failure.Code));
        }

        var reachedAgency = _sims.Dukcapil.Requests.Total;
        Assert.Equal(CircuitState.Open, Status(host).Breaker);
        Assert.Equal(AdapterHealth.Unavailable, Status(host).Health);
        Assert.Equal("breaker-open", (await FailsAsync(host, request)).Code);

        // Fail fast, measured robustly on a busy machine: the median of many open-breaker answers after warm-up (the
        // fake clock keeps the breaker open however long the loop takes), none of them reaching the agency.
        var answers = await OpenBreakerAnswersAsync(host, request, warmUp: 10, measured: 101);

        Assert.All(answers, a => Assert.Equal((AgencyErrorKind.Transient, "breaker-open"), (a.Error.Kind, a.Error.Code)));
        Assert.InRange(Median([.. answers.Select(a => a.Elapsed)]), TimeSpan.Zero, TimeSpan.FromMilliseconds(5));
        Assert.Equal(reachedAgency, _sims.Dukcapil.Requests.Total);

        _sims.Dukcapil.Faults.Clear();
        clock.Advance(TimeSpan.FromSeconds(6));
        var recovered = await host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext());

        Assert.Equal(VerificationDecision.Verified, recovered.Decision);
        Assert.Equal(CircuitState.Closed, Status(host).Breaker);
        Assert.Equal(AdapterHealth.Healthy, Status(host).Health);

        // Each transition is logged once, the opening with what caused it (an exception's type, never its message).
        var transitions = PipelineEventTests.Events(host);
        Assert.Equal([4002, 4003, 4004], transitions.Select(r => r.Id.Id));
        Assert.Equal((LogLevel.Error, "HttpRequestException"), (transitions[0].Level, transitions[0].GetStructuredStateValue("Outcome")));
    }

    private static async Task<List<(AgencyError Error, TimeSpan Elapsed)>> OpenBreakerAnswersAsync(
        AdapterHost host, IdentityVerificationRequest request, int warmUp, int measured)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await FailsAsync(host, request);
        }

        var answers = new List<(AgencyError, TimeSpan)>(measured);
        for (var i = 0; i < measured; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var error = await FailsAsync(host, request);
            answers.Add((error, Stopwatch.GetElapsedTime(started)));
        }

        return answers;
    }

    private static TimeSpan Median(List<TimeSpan> durations)
    {
        durations.Sort();
        return durations[durations.Count / 2];
    }

    private static AdapterStatus Status(AdapterHost host) => host.Registry.GetStatuses().Single(s => s.Id == "dukcapil");

    private static async Task<AgencyError> FailsAsync(AdapterHost host, IdentityVerificationRequest request) =>
        (await Assert.ThrowsAsync<AgencyException>(() =>
            host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext()))).Error;
}
