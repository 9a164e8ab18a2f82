using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters.Resilience;
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
    public async Task Quota_ConcurrentLoad_LetsTheQuotaThroughAndQueuesTheRest()
    {
        const int quota = 5;
        const int calls = 3 * quota;
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims, o =>
        {
            o.Quota.PermitLimit = quota;

            // No permit comes back while the test runs, so what reaches the agency is what the limiter let through in
            // one window, however fast or slow the machine schedules the calls.
            o.Quota.Window = TimeSpan.FromHours(1);
        }));
        var control = host.Services.GetRequiredService<AgencyControls>().For("dukcapil");
        var request = DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]);
        using var stop = new CancellationTokenSource();

        var pending = Enumerable.Range(0, calls)
            .Select(_ => host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext(), stop.Token))
            .ToList();
        await Until(() => control.Quota?.GetStatistics()?.CurrentQueuedCount == calls - quota && pending.Count(c => c.IsCompleted) == quota);

        Assert.Equal(quota, pending.Count(c => c.IsCompletedSuccessfully));
        Assert.Equal(quota, _sims.Dukcapil.Requests.Total);

        await stop.CancelAsync();
        foreach (var queued in pending.Where(c => !c.IsCompletedSuccessfully))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        }

        Assert.Equal(quota, _sims.Dukcapil.Requests.Total);
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
        Assert.Equal([4005], PipelineEventTests.Events(host).Select(r => r.Id.Id));
    }

    /// <summary>Waits for <paramref name="condition"/>, polling, for at most a generous minute.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var waiting = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waiting.Elapsed < TimeSpan.FromMinutes(1), "The quota did not hold every call (admitted or queued) within a minute.");
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }
}
