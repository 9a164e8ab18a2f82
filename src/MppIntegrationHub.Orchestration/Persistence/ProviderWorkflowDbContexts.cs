using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Orchestration.Persistence;

// EF Core migrations are provider-specific (column types, identity strategies), so each engine keeps its own
// migration set generated from the one model in WorkflowDbContext (see README "Migrations").

/// <summary>The workflow tables on SQLite (embedded default).</summary>
public sealed class SqliteWorkflowDbContext(DbContextOptions<SqliteWorkflowDbContext> options) : WorkflowDbContext(options);

/// <summary>The workflow tables on PostgreSQL (scale-out).</summary>
public sealed class PostgreSqlWorkflowDbContext(DbContextOptions<PostgreSqlWorkflowDbContext> options) : WorkflowDbContext(options);

internal sealed class SqliteWorkflowDesignFactory : IDesignTimeDbContextFactory<SqliteWorkflowDbContext>
{
    public SqliteWorkflowDbContext CreateDbContext(string[] args) =>
        new(Options<SqliteWorkflowDbContext>(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = "Data Source=:memory:" }));

    internal static DbContextOptions<TContext> Options<TContext>(StoreOptions store)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.UseHubStore(store, nameof(WorkflowDbContext));
        return builder.Options;
    }
}

internal sealed class PostgreSqlWorkflowDesignFactory : IDesignTimeDbContextFactory<PostgreSqlWorkflowDbContext>
{
    public PostgreSqlWorkflowDbContext CreateDbContext(string[] args) =>
        new(SqliteWorkflowDesignFactory.Options<PostgreSqlWorkflowDbContext>(
            new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = "Host=127.0.0.1;Database=design" }));
}
