using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Persistence;
using MppIntegrationHub.Orchestration.Tests.Fakes;

namespace MppIntegrationHub.Orchestration.Tests.Persistence;

public sealed class WorkflowLoadsTests
{
    [Fact]
    public async Task ReadOnly_TransitionCommittedBetweenItsTwoQueries_ReturnsTheStateBeforeIt()
    {
        await using var hub = await OrchestrationHarness.StartAsync(background: false);
        var submitted = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
        await using (var setup = await hub.Contexts.CreateDbContextAsync())
        {
            await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"); // as the hub's store runs
        }

        // Another process pauses the application right after the applications query has run.
        var writer = new AfterFirstQuery(() =>
        {
            using var other = hub.Contexts.CreateDbContext();
            other.Applications.Where(a => a.Id == submitted.Id).ExecuteUpdate(s => s.SetProperty(a => a.Status, ApplicationStatus.Paused));
            other.Steps.Where(s => s.ApplicationId == submitted.Id).ExecuteUpdate(s => s.SetProperty(x => x.Status, StepStatus.RetryScheduled));
        });
        await using var db = ReaderWith(hub, writer);

        var app = (await WorkflowLoads.ReadOnlyAsync(db, [submitted.Id]))[submitted.Id];

        Assert.True(writer.Wrote);
        Assert.Equal(ApplicationStatus.Running, app.Status);
        Assert.DoesNotContain(app.Steps, s => s.Status == StepStatus.RetryScheduled);
        var after = await hub.Engine.GetAsync(submitted.Id);
        Assert.Equal(ApplicationStatus.Paused, after!.Status);
        Assert.All(after.Steps, s => Assert.Equal(StepStatus.RetryScheduled, s.Status));
    }

    private static SqliteWorkflowDbContext ReaderWith(OrchestrationHarness hub, IInterceptor interceptor)
    {
        using var store = hub.Contexts.CreateDbContext();
        return new SqliteWorkflowDbContext(new DbContextOptionsBuilder<SqliteWorkflowDbContext>()
            .UseSqlite(store.Database.GetConnectionString())
            .AddInterceptors(interceptor)
            .Options);
    }

    private sealed class AfterFirstQuery(Action write) : DbCommandInterceptor
    {
        public bool Wrote { get; private set; }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (!Wrote && command.CommandText.Contains("workflow_applications", StringComparison.Ordinal))
            {
                Wrote = true;
                write();
            }

            return ValueTask.FromResult(result);
        }
    }
}
