using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Hub.Store;
using MppIntegrationHub.Hub.Tests.Support;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Hub.Tests.Store;

/// <summary>Every context on the embedded store commits with the configured <c>synchronous</c> level, whichever pooled connection it gets.</summary>
public sealed class SqliteSynchronousTests
{
    [Fact]
    public async Task Default_WorkflowAndApiContexts_BothCommitWithoutWaitingForTheDisk()
    {
        await using var hub = new HubFactory();

        Assert.Equal((1L, 1L), await LevelsAsync(hub));
    }

    [Fact]
    public async Task Full_ApiContextOnAConnectionTheWorkflowEngineOpenedFirst_StillWaitsForTheDisk()
    {
        await using var hub = new FullSynchronousHubFactory();

        Assert.Equal((2L, 2L), await LevelsAsync(hub));
    }

    // The workflow context opens (and returns to the pool) the native connection the API context then reuses.
    private static async Task<(long Workflow, long Api)> LevelsAsync(HubFactory hub)
    {
        await using var workflow = await hub.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        var workflowLevel = await LevelAsync(workflow);
        await using var api = await hub.Services.GetRequiredService<IDbContextFactory<HubApiDbContext>>().CreateDbContextAsync();
        return (workflowLevel, await LevelAsync(api));
    }

    private static async Task<long> LevelAsync(DbContext db) =>
        await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync();

    private sealed class FullSynchronousHubFactory : HubFactory
    {
        protected override void Configure(Dictionary<string, string?> settings) => settings["Store:SqliteSynchronous"] = "Full";
    }
}
