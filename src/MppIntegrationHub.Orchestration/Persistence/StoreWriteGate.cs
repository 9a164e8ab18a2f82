using Microsoft.Extensions.Options;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>
/// SQLite has one writer at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms before
/// trying again; queueing this process's writes here instead keeps commits back to back. PostgreSQL needs no gate.
/// </summary>
internal sealed class StoreWriteGate(IOptions<StoreOptions> store) : IDisposable
{
    private readonly SemaphoreSlim? _gate = store.Value.Provider == StoreProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async Task<T> WriteAsync<T>(Func<Task<T>> write)
    {
        if (_gate is null)
        {
            return await write();
        }

        await _gate.WaitAsync();
        try
        {
            return await write();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate?.Dispose();
}
