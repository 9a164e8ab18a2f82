using MppIntegrationHub.Adapters.Tests.Dukcapil;
using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.Resilience;

[Collection(SimulatorsCollection.Name)]
public sealed class RateLimiterTests(SimulatorsFixture fixture)
{
    private readonly AgencySimulators _sims = fixture.Reset();

    [Fact]
    public async Task Quota_ConcurrentLoad_KeepsCallsAtOrUnderTheQuotaPerWindow()
    {
        const int quota = 5;
        const int calls = 3 * quota;
        var window = TimeSpan.FromSeconds(1);
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims, o =>
        {
            o.Quota.PermitLimit = quota;
            o.Quota.Window = window;
        }));
        var request = DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]);

        // A first window's worth opens the connections, so arrival times below measure the limiter, not TCP set-up.
        await Task.WhenAll(Enumerable.Range(0, quota).Select(_ =>
            host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext())));
        _sims.Dukcapil.Server.ResetLogEntries();

        await Task.WhenAll(Enumerable.Range(0, calls).Select(_ =>
            host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext())));

        var arrivals = _sims.Dukcapil.Server.LogEntries.Select(e => e.RequestMessage.DateTime).Order().ToList();
        Assert.Equal(calls, arrivals.Count);

        // Permits return a segment (a fifth of the window) at a time, so any span a segment shorter than the window
        // holds at most the quota, whatever the jitter between taking a permit and arriving at the agency.
        var span = window * 0.8;
        var busiest = arrivals.Max(start => arrivals.Count(t => t >= start && t < start + span));
        Assert.InRange(busiest, 1, quota);
        Assert.True(arrivals[^1] - arrivals[0] >= 2 * span, "15 calls after a full window, at 5 per window, need three more windows.");
    }

    [Fact]
    public async Task Quota_QueueFull_RejectsWithRateLimitedError()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims, o =>
        {
            o.Quota.PermitLimit = 1;
            o.Quota.Window = TimeSpan.FromSeconds(10);
            o.Quota.QueueLimit = 0;
        }));
        var request = DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]);
        await host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext());

        var error = (await Assert.ThrowsAsync<AgencyException>(() =>
            host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext()))).Error;

        Assert.Equal((AgencyErrorKind.Transient, "rate-limited"), (error.Kind, error.Code));
        Assert.Equal(1, _sims.Dukcapil.Requests.Total);
    }
}
