using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MppIntegrationHub.Storage;

/// <summary>
/// Sets the configured <c>synchronous</c> level on every SQLite connection of every context. The level belongs to
/// the native connection, which the pool shares between all contexts on the same file: were it set by one context
/// only, whether a commit of another (an audit record, say) waits for the disk would depend on which pooled
/// connection it happened to get.
/// </summary>
internal sealed class SqlitePragmas(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    // The pool keeps native connections across opens: set the level once per native connection.
    private readonly ConditionalWeakTable<object, object> _applied = [];
    private readonly string _pragma = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";

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
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }
}
