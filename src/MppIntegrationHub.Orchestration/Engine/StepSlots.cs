namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// The process's step attempts at work (loading, calling their agency) at once, at most
/// <see cref="OrchestrationOptions.StepConcurrency"/> whether they came alone or in a batch: a batch's attempts run
/// side by side, so the bus's per-message limit alone would let a process run many times the configured number. An
/// attempt gives its slot back once its agency answered, before it waits for its outcome's group commit.
/// </summary>
internal sealed class StepSlots(int concurrency) : IDisposable
{
    private readonly SemaphoreSlim _free = new(concurrency, concurrency);

    /// <summary>Runs the attempt in a slot; the attempt may give the slot back early by disposing it (once the agency answered).</summary>
    public async Task RunAsync(Func<IDisposable, Task> attempt, CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken);
        using var slot = new Slot(_free);
        await attempt(slot);
    }

    public void Dispose() => _free.Dispose();

    private sealed class Slot(SemaphoreSlim free) : IDisposable
    {
        private SemaphoreSlim? _free = free;

        public void Dispose() => Interlocked.Exchange(ref _free, null)?.Release();
    }
}
