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
        var window = TimeSpan.FromMilliseconds(500);
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims, o =>
        {
            o.Quota.PermitLimit = quota;
            o.Quota.Window = window;
        }));
        var request = DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]);

        await Task.WhenAll(Enumerable.Range(0, 4 * quota).Select(_ =>
            host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext())));

        var arrivals = _sims.Dukcapil.Server.LogEntries.Select(e => e.RequestMessage.DateTime).Order().ToList();
        Assert.Equal(4 * quota, arrivals.Count);

        // Any span a little shorter than the window (arrival timestamps jitter) holds at most the quota.
        var span = window - TimeSpan.FromMilliseconds(50);
        var busiest = arrivals.Max(start => arrivals.Count(t => t >= start && t < start + span));
        Assert.InRange(busiest, 1, quota);
        Assert.True(arrivals[^1] - arrivals[0] >= 3 * span, "20 calls at 5 per window need at least three windows.");
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
