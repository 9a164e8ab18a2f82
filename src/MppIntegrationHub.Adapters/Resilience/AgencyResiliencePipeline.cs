using System.Threading.RateLimiting;
using Polly;

namespace MppIntegrationHub.Adapters.Resilience;

/// <summary>
/// An agency's resilience pipeline as built by <see cref="AgencyPipeline.Build"/>, with the quota's rate limiter it
/// owns. Its owner disposes it once no call runs through it any more: that stops the limiter's replenishment timer.
/// </summary>
public sealed class AgencyResiliencePipeline : IDisposable
{
    private readonly RateLimiter _quota;

    internal AgencyResiliencePipeline(ResiliencePipeline<HttpResponseMessage> pipeline, RateLimiter quota)
    {
        Pipeline = pipeline;
        _quota = quota;
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public void Dispose() => _quota.Dispose();
}
