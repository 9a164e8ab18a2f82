namespace MppIntegrationHub.Simulators.Hosting;

/// <summary>Writes an agency accepted (first use of an idempotency key, 2xx) and repeats it answered from memory.</summary>
public sealed class WriteCounters
{
    private int _accepted;
    private int _duplicates;

    public int Accepted => Volatile.Read(ref _accepted);

    public int Duplicates => Volatile.Read(ref _duplicates);

    public void Reset()
    {
        Interlocked.Exchange(ref _accepted, 0);
        Interlocked.Exchange(ref _duplicates, 0);
    }

    internal void RecordAccepted() => Interlocked.Increment(ref _accepted);

    internal void RecordDuplicate() => Interlocked.Increment(ref _duplicates);
}
