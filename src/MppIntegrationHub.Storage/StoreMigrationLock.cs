using Npgsql;

namespace MppIntegrationHub.Storage;

/// <summary>
/// Serialises schema migrations across every hub process starting against the same store. On PostgreSQL it holds a
/// session-level advisory lock for the whole migration of every feature context, so concurrent starts do not race on
/// creating history tables or applying the same migration (EF Core's own lock covers one context at a time, not the
/// creation of its history table). SQLite stores are one process's file: nothing to hold.
/// </summary>
public sealed class StoreMigrationLock : IAsyncDisposable
{
    // Any constant shared by every process of the hub; "MPPHUB" + "MIGR" as ASCII.
    private const long LockKey = 0x4D50_5048_4D49_4752;

    private readonly NpgsqlConnection? _connection;

    private StoreMigrationLock(NpgsqlConnection? connection) => _connection = connection;

    /// <summary>Waits until this process alone may migrate the store; dispose to let the next one in.</summary>
    public static async Task<StoreMigrationLock> AcquireAsync(StoreOptions store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Provider != StoreProvider.PostgreSql)
        {
            return new StoreMigrationLock(null);
        }

        var connection = new NpgsqlConnection(store.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StoreMigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        // Closing the session releases the lock too; unlocking first returns the pooled connection clean.
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection))
        {
            command.Parameters.AddWithValue("key", LockKey);
            await command.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }
}
