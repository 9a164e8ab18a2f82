namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// In-process wake-ups: a commit that wrote outbox rows or due times wakes the relay or the scheduler at once
/// instead of at their next poll. Other processes' commits are found by the poll.
/// </summary>
internal sealed class WorkflowSignals(TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _outbox = new(0, 1);
    private readonly SemaphoreSlim _dueTimes = new(0, 1);

    public void OutboxWritten() => Release(_outbox);

    public void DueTimesChanged() => Release(_dueTimes);

    public Task WaitForOutboxAsync(TimeSpan timeout, CancellationToken cancellationToken) => WaitAsync(_outbox, timeout, cancellationToken);

    public Task WaitForDueTimesAsync(TimeSpan timeout, CancellationToken cancellationToken) => WaitAsync(_dueTimes, timeout, cancellationToken);

    public void Dispose()
    {
        _outbox.Dispose();
        _dueTimes.Dispose();
    }

    private static void Release(SemaphoreSlim signal)
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers every commit before it.
        }
    }

    private async Task WaitAsync(SemaphoreSlim signal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal.
        }
    }
}
