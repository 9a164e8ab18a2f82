using System.Collections.Concurrent;

namespace MppIntegrationHub.Simulators.Hosting;

/// <summary>Requests an agency received (admin calls excluded), per method and path, faults included.</summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<string, int> _byRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _byPath = new(StringComparer.Ordinal);
    private int _total;

    public int Total => Volatile.Read(ref _total);

    /// <summary>Requests to <paramref name="path"/> with any method.</summary>
    public int Count(string path) => _byPath.GetValueOrDefault(path);

    public int Count(string method, string path) => _byRoute.GetValueOrDefault($"{method} {path}");

    /// <summary>Counts keyed "METHOD /path".</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(_byRoute, StringComparer.Ordinal);

    public void Reset()
    {
        _byRoute.Clear();
        _byPath.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    internal void Record(string method, string path)
    {
        _byRoute.AddOrUpdate($"{method} {path}", 1, (_, n) => n + 1);
        _byPath.AddOrUpdate(path, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }
}
