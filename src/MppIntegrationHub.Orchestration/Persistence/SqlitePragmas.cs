using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>
/// With write-ahead logging, <c>synchronous=NORMAL</c> still never corrupts the database and keeps every commit
/// that a checkpoint reached; it skips the fsync per commit that would otherwise cap the engine at the disk's
/// flush rate. A power cut may lose the last commits, which the engine's leases and idempotency keys recover from.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
