using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>
/// With write-ahead logging, <c>synchronous=NORMAL</c> still never corrupts the database and keeps every commit
/// that a checkpoint reached; it skips the fsync per commit that would otherwise cap the engine at the disk's
/// flush rate. A power cut may lose the last commits, which the engine's leases and idempotency keys recover from.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // The pragma belongs to the native connection, which the pool keeps across opens: set it once per native connection.
    private readonly ConditionalWeakTable<object, object> _applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !_applied.TryAdd(handle, handle))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
