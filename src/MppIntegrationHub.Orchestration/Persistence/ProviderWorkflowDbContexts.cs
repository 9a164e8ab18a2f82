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
        new(StoreDesignTime.Options<SqliteWorkflowDbContext>(StoreProvider.Sqlite, nameof(WorkflowDbContext)));
}

internal sealed class PostgreSqlWorkflowDesignFactory : IDesignTimeDbContextFactory<PostgreSqlWorkflowDbContext>
{
    public PostgreSqlWorkflowDbContext CreateDbContext(string[] args) =>
        new(StoreDesignTime.Options<PostgreSqlWorkflowDbContext>(StoreProvider.PostgreSql, nameof(WorkflowDbContext)));
}
