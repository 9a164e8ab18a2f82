using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Hub.Store;

// EF Core migrations are provider-specific (column types, identity strategies), so each engine keeps its own
// migration set generated from the one model in HubApiDbContext, as the orchestrator's store does.

/// <summary>The API's tables on SQLite (embedded default).</summary>
public sealed class SqliteHubApiDbContext(DbContextOptions<SqliteHubApiDbContext> options) : HubApiDbContext(options);

/// <summary>The API's tables on PostgreSQL (scale-out).</summary>
public sealed class PostgreSqlHubApiDbContext(DbContextOptions<PostgreSqlHubApiDbContext> options) : HubApiDbContext(options);

/// <summary>Hands out the API context of the configured engine (each with its own migrations).</summary>
internal sealed class HubApiDbContextFactory(
    IOptions<StoreOptions> store,
    IDbContextFactory<SqliteHubApiDbContext> sqlite,
    IDbContextFactory<PostgreSqlHubApiDbContext> postgreSql) : IDbContextFactory<HubApiDbContext>
{
    private readonly bool _usePostgreSql = store.Value.Provider == StoreProvider.PostgreSql;

    public HubApiDbContext CreateDbContext() =>
        _usePostgreSql ? postgreSql.CreateDbContext() : sqlite.CreateDbContext();
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the hub.</summary>
public sealed class SqliteHubApiDesignFactory : IDesignTimeDbContextFactory<SqliteHubApiDbContext>
{
    public SqliteHubApiDbContext CreateDbContext(string[] args) =>
        new(Options<SqliteHubApiDbContext>(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = "Data Source=:memory:" }));

    internal static DbContextOptions<TContext> Options<TContext>(StoreOptions store)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.UseHubStore(store, nameof(HubApiDbContext));
        return builder.Options;
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
public sealed class PostgreSqlHubApiDesignFactory : IDesignTimeDbContextFactory<PostgreSqlHubApiDbContext>
{
    public PostgreSqlHubApiDbContext CreateDbContext(string[] args) =>
        new(SqliteHubApiDesignFactory.Options<PostgreSqlHubApiDbContext>(
            new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = "Host=127.0.0.1;Database=design" }));
}
