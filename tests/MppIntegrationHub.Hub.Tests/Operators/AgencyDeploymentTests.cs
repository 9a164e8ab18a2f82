using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Hub.Agencies;
using MppIntegrationHub.Hub.Operators;
using MppIntegrationHub.Hub.Store;
using MppIntegrationHub.Hub.Tests.Support;
using MppIntegrationHub.Orchestration.Operations;

namespace MppIntegrationHub.Hub.Tests.Operators;

/// <summary>Several hub processes, one view: agency figures reported through the store, the kill switch followed from it.</summary>
[Collection(SimulatedAgenciesCollection.Name)]
public sealed class AgencyDeploymentTests(SimulatedAgenciesHubFactory hub)
{
    private static readonly TimeSpan Interval = new AgencyReportOptions().Interval;

    [Fact]
    public async Task Agencies_WithAWorkerReporting_ShowTheDeploymentsTrafficAndWorstBreakerButNotGoneProcesses()
    {
        var now = hub.Clock.GetUtcNow();
        var worker = Report("worker-host:4242:0a1b2c3d", "dukcapil", "Open", 120, 30, 800, now);
        var gone = Report("old-host:77:9f8e7d6c", "sim", "Closed", 50, 0, 20, now - (4 * Interval));
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.AgencyProcessReports.AddRange(worker, gone);
            await db.SaveChangesAsync();
        }

        try
        {
            using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);
            var agencies = await operatorClient.GetFromJsonAsync<List<OperatorAgency>>(new Uri("/api/v1/operator/agencies", UriKind.Relative), hub.Json);

            var dukcapil = agencies!.Single(a => a.Status.Agency == "dukcapil").Deployment;
            Assert.Equal(2, dukcapil.Processes.Count);
            Assert.True(dukcapil.Processes[0].Current);
            Assert.Equal("worker", dukcapil.Processes[1].Role);
            Assert.Equal("Open", dukcapil.Breaker.ToString()); // by name: the test also sees Polly 7's type of the same name
            Assert.Equal(dukcapil.Processes.Sum(p => p.Traffic.CallsPerMinute), dukcapil.Traffic.CallsPerMinute);
            Assert.True(dukcapil.Traffic.CallsPerMinute >= 120);
            Assert.True(dukcapil.Traffic.FailuresPerMinute >= 30);
            var sim = agencies!.Single(a => a.Status.Agency == "sim").Deployment;
            Assert.Single(sim.Processes);
            Assert.Equal("Closed", sim.Breaker.ToString());
        }
        finally
        {
            await using var db = await Contexts.CreateDbContextAsync();
            await db.AgencyProcessReports.Where(r => r.ProcessId == worker.ProcessId || r.ProcessId == gone.ProcessId).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task Reports_EveryInterval_HoldThisProcessesFiguresForEachAgency()
    {
        var reports = hub.Services.GetRequiredService<AgencyProcessReports>();

        var mine = await SimulatedAgenciesHubFactory.EventuallyAsync(async () =>
        {
            hub.Clock.Advance(Interval);
            await using var db = await Contexts.CreateDbContextAsync();
            var rows = await db.AgencyProcessReports.AsNoTracking().Where(r => r.ProcessId == reports.ProcessId).ToListAsync();
            return rows.Count == 6 ? rows : null;
        }, TimeSpan.FromSeconds(30), "this process's agency reports");

        Assert.Equal(["dukcapil", "paspor", "satusehat", "sim", "simponi", "skck"], mine.Select(r => r.Agency).Order(StringComparer.Ordinal));
        Assert.All(mine, r => Assert.Equal("all", r.Role));
    }

    [Fact]
    public async Task KillSwitch_StoppedThroughTheStoreByAnotherProcess_ThisProcessFollowsThenResumes()
    {
        var operations = hub.Services.GetRequiredService<WorkflowOperations>();
        var registry = hub.Services.GetRequiredService<IAdapterRegistry>();

        await operations.StopAgencyRetriesAsync("paspor", "Imigrasi maintenance, stopped on another API process");
        await FollowsAsync(registry, enabled: false);
        await operations.ResumeAgencyRetriesAsync("paspor");
        await FollowsAsync(registry, enabled: true);
    }

    private async Task FollowsAsync(IAdapterRegistry registry, bool enabled) =>
        await SimulatedAgenciesHubFactory.EventuallyAsync(() =>
        {
            hub.Clock.Advance(Interval);
            var state = registry.GetAgencyStatuses().Single(a => a.Agency == "paspor").HttpRetriesEnabled;
            return Task.FromResult(state == enabled ? (object?)state : null);
        }, TimeSpan.FromSeconds(30), $"paspor HTTP retries {(enabled ? "on" : "off")} in this process");

    private IDbContextFactory<HubApiDbContext> Contexts => hub.Services.GetRequiredService<IDbContextFactory<HubApiDbContext>>();

    private static AgencyProcessReport Report(string process, string agency, string breaker, int calls, int failures, double latency, DateTimeOffset at) => new()
    {
        ProcessId = process, Agency = agency, Role = "worker", Health = "Healthy", Breaker = breaker, HttpRetriesEnabled = true,
        QuotaAvailable = 40, CallsPerMinute = calls, FailuresPerMinute = failures, MeanLatencyMs = latency, ReportedAt = at,
    };
}
