using Polly;

namespace MppIntegrationHub.Adapters.Resilience;

/// <summary>
/// An agency's resilience pipeline as built by <see cref="AgencyPipeline.Build"/>, with what disposing it frees: the
/// quota's rate limiter and its replenishment timer. Its owner disposes it once no call runs through it any more.
/// </summary>
public sealed class AgencyResiliencePipeline : IDisposable
{
    private readonly IReadOnlyList<Action> _release;
    private int _disposed;

    internal AgencyResiliencePipeline(ResiliencePipeline<HttpResponseMessage> pipeline, IReadOnlyList<Action> release)
    {
        Pipeline = pipeline;
        _release = release;
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var release in _release)
        {
            release();
        }
    }
}
