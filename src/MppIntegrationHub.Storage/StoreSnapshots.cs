using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MppIntegrationHub.Storage;

/// <summary>Reads that span several queries and must see one committed state, not a write landing between them.</summary>
public static class StoreSnapshots
{
    /// <summary>
    /// Runs <paramref name="read"/> in a read transaction. On SQLite a deferred transaction takes its snapshot (WAL) at
    /// the first query and never holds the write lock (an ordinary EF transaction there is <c>BEGIN IMMEDIATE</c>,
    /// which would queue behind writers); on PostgreSQL a repeatable-read transaction does the same.
    /// </summary>
    public static async Task<T> ReadSnapshotAsync<T>(this DatabaseFacade database, Func<Task<T>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(read);
        if (!database.IsSqlite())
        {
            await using var transaction = await database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            return await read();
        }

        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var snapshot = ((SqliteConnection)database.GetDbConnection()).BeginTransaction(deferred: true);
            await database.UseTransactionAsync(snapshot, cancellationToken);
            try
            {
                return await read();
            }
            finally
            {
                await database.UseTransactionAsync(null, CancellationToken.None);
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
