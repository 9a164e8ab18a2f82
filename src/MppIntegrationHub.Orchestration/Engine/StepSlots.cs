namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// The process's step attempts running at once, at most <see cref="OrchestrationOptions.StepConcurrency"/> whether
/// they came alone or in a batch: a batch's attempts run side by side, so the bus's per-message limit alone would
/// let a process run many times the configured number.
/// </summary>
internal sealed class StepSlots(int concurrency) : IDisposable
{
    private readonly SemaphoreSlim _free = new(concurrency, concurrency);

    public async Task RunAsync(Func<Task> attempt, CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken);
        try
        {
            await attempt();
        }
        finally
        {
            _free.Release();
        }
    }

    public void Dispose() => _free.Dispose();
}
