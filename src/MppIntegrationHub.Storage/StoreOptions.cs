using System.ComponentModel.DataAnnotations;

namespace MppIntegrationHub.Storage;

/// <summary>Which database engine holds the hub's state (configuration section <c>Store</c>).</summary>
public sealed record StoreOptions
{
    public const string Section = "Store";

    /// <summary>SQLite (embedded default, a file under the working folder) or PostgreSQL (scale-out).</summary>
    public StoreProvider Provider { get; init; } = StoreProvider.Sqlite;

    /// <summary>ADO.NET connection string for the provider.</summary>
    [Required]
    public string ConnectionString { get; init; } = "Data Source=.hub-data/hub.db";

    /// <summary>
    /// SQLite only: <c>Normal</c> (default) commits to the write-ahead log without waiting for the disk, so every
    /// commit survives a crash of the process but a power cut may lose the last ones (the engine's leases and
    /// idempotency keys recover its work); <c>Full</c> waits for the disk on every commit (an fsync, about 2 ms on a
    /// virtual disk) so that no audit record of an answered read can be lost even then.
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Normal;
}

public enum StoreProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>SQLite's <c>synchronous</c> levels the hub supports with write-ahead logging.</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
