using System.Collections.Concurrent;

namespace MppIntegrationHub.Simulators.Hosting;

/// <summary>Requests an agency received (admin calls excluded), per method and path, faults included.</summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _total;

    public int Total => Volatile.Read(ref _total);

    /// <summary>Requests to <paramref name="path"/> with any method.</summary>
    public int Count(string path) => _counts.Where(c => c.Key.AsSpan(c.Key.IndexOf(' ', StringComparison.Ordinal) + 1).SequenceEqual(path)).Sum(c => c.Value);

    public int Count(string method, string path) => _counts.GetValueOrDefault($"{method} {path}");

    /// <summary>Counts keyed "METHOD /path".</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);

    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    internal void Record(string method, string path)
    {
        _counts.AddOrUpdate($"{method} {path}", 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }
}
