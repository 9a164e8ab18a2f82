using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using MppIntegrationHub.Adapters.Manifests;
using Polly;

namespace MppIntegrationHub.Adapters.Resilience;

/// <summary>
/// Builds an agency's one resilience pipeline from its manifest, outermost first: total timeout, retry (transient
/// failures only, jittered exponential backoff, <c>Retry-After</c> honoured, unsafe calls only with an idempotency
/// key, operator kill switch), circuit breaker, rate limiter at the agency's quota (each attempt takes a permit), and
/// per-attempt timeout. Each strategy reports its events through <see cref="AgencyResilienceEvents"/>.
/// </summary>
public static class AgencyPipeline
{
    /// <summary>
    /// Key of the <see cref="TimeProvider"/> agency transport runs on: the pipelines' timeouts, delays, breaker and quota
    /// windows. It is the process clock unless the host registers another under this key (a drill's accelerated
    /// clock must not make a network answer faster).
    /// </summary>
    public const string ClockKey = "agency-transport";

    /// <summary>The pipeline's name, as its telemetry and descriptor report it.</summary>
    public static string NameFor(string agency) => $"agency:{agency}";

    /// <summary>
    /// Builds the pipeline of <paramref name="manifest"/>'s agency on <paramref name="clock"/>. Built directly, not
    /// through Polly's pipeline registry: the registry wraps each execution in reload and disposal tracking the hub
    /// does not use (a new manifest gets a new pipeline, see <see cref="AgencyResiliencePipeline"/>).
    /// </summary>
    /// <param name="manifest">The agency's manifest: timeouts, retry, breaker and quota.</param>
    /// <param name="control">The agency's run-time controls: breaker state, retry switch, quota gauge.</param>
    /// <param name="events">Where the strategies report their events.</param>
    /// <param name="clock">The clock of the timeouts, delays, breaker and limiter windows.</param>
    public static AgencyResiliencePipeline Build(
        AdapterManifest manifest, AgencyControl control, AgencyResilienceEvents events, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(clock);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = NameFor(manifest.Agency),
            InstanceName = $"{manifest.Id}@{manifest.Version}",
            TimeProvider = clock,
        };
        var quota = Configure(builder, manifest, control, events);
        return new AgencyResiliencePipeline(builder.Build(), quota);
    }

    /// <summary>Adds the strategies to <paramref name="builder"/>; returns the quota's limiter, which the pipeline owns.</summary>
    private static SlidingWindowRateLimiter Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        AdapterManifest manifest,
        AgencyControl control,
        AgencyResilienceEvents events)
    {
        var agency = manifest.Agency;
        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Name = "total-timeout",
            Timeout = manifest.Timeouts.Total,
            OnTimeout = args => events.TimedOut(agency, "total timeout", args),
        });
        if (manifest.Retry.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = manifest.Retry.MaxRetries,
                Delay = manifest.Retry.BaseDelay,
                MaxDelay = manifest.Retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(
                    control.RetriesEnabled
                    && HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && AgencyRequestOptions.IsSafeToRetry(args.Context.GetRequestMessage())),
                OnRetry = args => events.Retrying(agency, args),
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "circuit-breaker",
            FailureRatio = manifest.Breaker.FailureRatio,
            MinimumThroughput = manifest.Breaker.MinimumThroughput,
            SamplingDuration = manifest.Breaker.SamplingDuration,
            BreakDuration = manifest.Breaker.BreakDuration,
            StateProvider = control.Breaker,
            OnOpened = args => events.BreakerOpened(agency, args),
            OnHalfOpened = _ => events.BreakerHalfOpened(agency),
            OnClosed = _ => events.BreakerClosed(agency),
        });

        var limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = manifest.Quota.PermitLimit,
            Window = manifest.Quota.Window,
            SegmentsPerWindow = Math.Clamp(manifest.Quota.PermitLimit, 1, 5),
            QueueLimit = manifest.Quota.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        control.Quota = limiter;
        builder.AddRateLimiter(new HttpRateLimiterStrategyOptions
        {
            Name = "quota",
            RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken),
            OnRejected = _ => events.QuotaRejected(agency),
        });

        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Name = "attempt-timeout",
            Timeout = manifest.Timeouts.Attempt,
            OnTimeout = args => events.TimedOut(agency, "attempt timeout", args),
        });
        return limiter;
    }
}
