using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using MppIntegrationHub.Adapters.Dukcapil.KtpReplacement;
using MppIntegrationHub.Adapters.Dukcapil.Registry;
using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Adapters.Tests.Infrastructure;
using Polly.RateLimiting;
using Polly.Testing;
using Refit;

namespace MppIntegrationHub.Adapters.Tests.Resilience;

[Collection(SimulatorsCollection.Name)]
public sealed class PipelineCompositionTests(SimulatorsFixture fixture)
{
    [Fact]
    public async Task GetPipelineDescriptor_DukcapilPipeline_IsBuiltFromTheManifestOutermostFirst()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(fixture.Reset(), o =>
        {
            o.Timeouts.Total = TimeSpan.FromSeconds(12);
            o.Timeouts.Attempt = TimeSpan.FromSeconds(3);
            o.Retry.MaxRetries = 4;
            o.Breaker.BreakDuration = TimeSpan.FromSeconds(7);
        }));
        var pipeline = host.Services.GetRequiredKeyedService<AgencyResiliencePipeline>("dukcapil").Pipeline;

        var strategies = pipeline.GetPipelineDescriptor().Strategies;

        Assert.Collection(
            strategies,
            s => Assert.Equal(TimeSpan.FromSeconds(12), Assert.IsType<HttpTimeoutStrategyOptions>(s.Options).Timeout),
            s =>
            {
                var retry = Assert.IsType<HttpRetryStrategyOptions>(s.Options);
                Assert.Equal((4, true, true), (retry.MaxRetryAttempts, retry.UseJitter, retry.ShouldRetryAfterHeader));
                Assert.Equal(Polly.DelayBackoffType.Exponential, retry.BackoffType);
            },
            s => Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<HttpCircuitBreakerStrategyOptions>(s.Options).BreakDuration),
            s => Assert.IsType<HttpRateLimiterStrategyOptions>(s.Options),
            s => Assert.Equal(TimeSpan.FromSeconds(3), Assert.IsType<HttpTimeoutStrategyOptions>(s.Options).Timeout));
        Assert.IsAssignableFrom<RateLimiterStrategyOptions>(strategies[3].Options);
    }

    [Fact]
    public async Task AgencyPipeline_IsBuiltOncePerAgency_AndReleasesItsQuotaLimiterWithTheHost()
    {
        var host = AdapterHost.Create(AdapterHost.Dukcapil(fixture.Reset()));
        var pipeline = host.Services.GetRequiredKeyedService<AgencyResiliencePipeline>("dukcapil");
        var quota = host.Services.GetRequiredService<AgencyControls>().For("dukcapil").Quota!;
        Assert.Same(pipeline, host.Services.GetRequiredKeyedService<AgencyResiliencePipeline>("dukcapil"));
        using (var lease = quota.AttemptAcquire())
        {
            Assert.True(lease.IsAcquired);
        }

        await host.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => quota.AttemptAcquire());
    }

    [Fact]
    public async Task HttpClient_KtpReplacementClient_RunsResilienceOnceOutermostThenAuthThenSizeLimit()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(fixture.Reset()));
        var factory = host.Services.GetRequiredService<IHttpMessageHandlerFactory>();

        var ours = HandlerChain(factory.CreateHandler(UniqueName.ForType<IKtpReplacementApi>()))
            .Where(h => h is ResilienceHandler or ApiKeyHandler or ResponseSizeLimitHandler)
            .Select(h => h.GetType())
            .ToList();

        Assert.Equal([typeof(ResilienceHandler), typeof(ApiKeyHandler), typeof(ResponseSizeLimitHandler)], ours);
    }

    [Fact]
    public async Task HttpClient_RegistryClient_RunsResilienceOnceOutermost()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(fixture.Reset()));
        var factory = host.Services.GetRequiredService<IHttpMessageHandlerFactory>();

        var ours = HandlerChain(factory.CreateHandler(UniqueName.ForType<IDukcapilRegistryApi>()))
            .Where(h => h is ResilienceHandler or ApiKeyHandler or ResponseSizeLimitHandler)
            .Select(h => h.GetType())
            .ToList();

        Assert.Equal([typeof(ResilienceHandler), typeof(ResponseSizeLimitHandler)], ours);
    }

    [Fact]
    public async Task HttpClient_AgencyClients_RenewTheirConnectionsAlthoughTheAdapterKeepsItsClient()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(fixture.Reset()));
        var factory = host.Services.GetRequiredService<IHttpMessageHandlerFactory>();

        var sockets = new[] { UniqueName.ForType<IDukcapilRegistryApi>(), UniqueName.ForType<IKtpReplacementApi>() }
            .Select(name => Assert.IsType<SocketsHttpHandler>(HandlerChain(factory.CreateHandler(name)).Last()))
            .ToList();

        Assert.All(sockets, socket => Assert.Equal(AgencyHttpClientExtensions.ConnectionLifetime, socket.PooledConnectionLifetime));
        Assert.InRange(AgencyHttpClientExtensions.ConnectionLifetime, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
    }

    private static IEnumerable<HttpMessageHandler> HandlerChain(HttpMessageHandler handler)
    {
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            yield return current;
        }
    }
}
