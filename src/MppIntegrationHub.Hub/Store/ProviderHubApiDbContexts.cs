using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Hub.Store;

// EF Core migrations are provider-specific (column types, identity strategies), so each engine keeps its own
// migration set generated from the one model in HubApiDbContext, as the orchestrator's store does.

/// <summary>The API's tables on SQLite (embedded default).</summary>
public sealed class SqliteHubApiDbContext(DbContextOptions<SqliteHubApiDbContext> options) : HubApiDbContext(options);

/// <summary>The API's tables on PostgreSQL (scale-out).</summary>
public sealed class PostgreSqlHubApiDbContext(DbContextOptions<PostgreSqlHubApiDbContext> options) : HubApiDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the hub.</summary>
public sealed class SqliteHubApiDesignFactory : IDesignTimeDbContextFactory<SqliteHubApiDbContext>
{
    public SqliteHubApiDbContext CreateDbContext(string[] args) =>
        new(StoreDesignTime.Options<SqliteHubApiDbContext>(StoreProvider.Sqlite, nameof(HubApiDbContext)));
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
public sealed class PostgreSqlHubApiDesignFactory : IDesignTimeDbContextFactory<PostgreSqlHubApiDbContext>
{
    public PostgreSqlHubApiDbContext CreateDbContext(string[] args) =>
        new(StoreDesignTime.Options<PostgreSqlHubApiDbContext>(StoreProvider.PostgreSql, nameof(HubApiDbContext)));
}
