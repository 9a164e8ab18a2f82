using System.Collections.Concurrent;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// Items queued while a batch is being processed are taken together by the next one; an item queued while nothing
/// runs starts a batch at once (no timer, no waiting for a batch to fill). So batches grow with load and a lone
/// item costs no latency. <c>process</c> completes or fails every item it is given and never throws.
/// </summary>
internal sealed class BatchQueue<T>(Func<List<T>, Task> process, int maxBatch)
{
    private readonly ConcurrentQueue<T> _queue = new();
    private int _running;

    public void Enqueue(T item)
    {
        _queue.Enqueue(item);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            _ = Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<T>();
        while (true)
        {
            while (batch.Count < maxBatch && _queue.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await process(batch);
                batch = [];
                continue;
            }

            Volatile.Write(ref _running, 0);

            // An item queued after the last dequeue but before the flag dropped saw it still set: take it now.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
