using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>Hands out the workflow context of the configured engine (each with its own migrations).</summary>
internal sealed class WorkflowDbContextFactory(
    IOptions<StoreOptions> store,
    IDbContextFactory<SqliteWorkflowDbContext> sqlite,
    IDbContextFactory<PostgreSqlWorkflowDbContext> postgreSql) : IDbContextFactory<WorkflowDbContext>
{
    private readonly bool _usePostgreSql = store.Value.Provider == StoreProvider.PostgreSql;

    public WorkflowDbContext CreateDbContext() =>
        _usePostgreSql ? postgreSql.CreateDbContext() : sqlite.CreateDbContext();
}
