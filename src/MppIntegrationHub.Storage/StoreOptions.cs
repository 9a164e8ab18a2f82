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
}

public enum StoreProvider
{
    Sqlite,
    PostgreSql,
}
