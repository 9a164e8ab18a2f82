using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Orchestration.Persistence;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Orchestration.Hosting;

/// <summary>Brings the workflow tables up to date before the engine's other services start.</summary>
internal sealed class WorkflowStoreMigrator(IDbContextFactory<WorkflowDbContext> contexts, IOptions<OrchestrationOptions> options, IOptions<StoreOptions> store)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers run beside the single writer; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await using (await StoreMigrationLock.AcquireAsync(store.Value, cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
