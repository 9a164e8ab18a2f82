using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Processes.Tests.Support;
using MppIntegrationHub.Simulators;
using Xunit.Abstractions;

namespace MppIntegrationHub.Processes.Tests.ScaleOut;

/// <summary>
/// Issue 7's scale-out acceptance: the hub as separate API and worker processes on RabbitMQ and PostgreSQL (a fresh
/// database and virtual host per test), the simulators in their own process, all on one drill clock (one real
/// second is ten simulated minutes, so the hub polls a waiting case every six real seconds). KTP replacements:
/// identity, a Dukcapil request (the write counted), then a wait for printing that Dukcapil's officers (the
/// simulators' tester action, run by the test) speed up.
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    private const int PopulationSize = 2_500;
    private const string PrintedStatus = "SIAP_DIAMBIL";

    [Fact]
    public async Task TwoWorkersAndAnApi_OneWorkerKilledMidway_ThousandApplicationsCompleteWithEachWriteOnce()
    {
        // Arrange: three hub processes started together on a fresh database (their migrations serialise).
        const int applications = 1_000;
        var clock = new DrillClock(factor: 600);
        var watch = Stopwatch.StartNew();
        await using var engines = await Engines.CreateAsync();
        using var simulators = await SimulatorsProcess.StartAsync(clock, PopulationSize, Drill.Seed, autoPayAfter: TimeSpan.FromMinutes(30));
        using var api = Hub("api", "api", clock, simulators, engines);
        using var worker1 = Hub("worker-1", "worker", clock, simulators, engines);
        using var worker2 = Hub("worker-2", "worker", clock, simulators, engines);
        await Task.WhenAll(api.StartAsync(), worker1.StartAsync(), worker2.StartAsync());
        output.WriteLine($"{watch.Elapsed}: api and two workers ready");
        await AssertRolesAsync(api, worker1);

        // Act: submit through the API; kill one worker once a quarter of the applications have completed.
        await using var officers = new CaseOfficers(simulators, AgencyIds.Dukcapil, PrintedStatus);
        using var portal = new PortalClient(api.BaseUrl, clock.Clock);
        await Drill.SubmitAllAsync(Drill.Applicants(clock, PopulationSize, applications), c => Drill.SubmitKtpAsync(portal, c));
        output.WriteLine($"{watch.Elapsed}: {applications} submitted; {await portal.StatusSummaryAsync()}");
        await Drill.WaitForCompletionAsync(portal, applications / 4, TimeSpan.FromMinutes(3));
        await worker1.KillAsync();
        output.WriteLine($"{watch.Elapsed}: worker-1 killed; {await portal.StatusSummaryAsync()}");

        // Assert: everything completes on the surviving worker, each Dukcapil write once.
        await WithLogsOnFailureAsync(() => Drill.WaitForCompletionAsync(portal, applications, TimeSpan.FromMinutes(3)), api, worker2);
        output.WriteLine($"{watch.Elapsed}: {await portal.StatusSummaryAsync()}; {await officers.StopAsync()} case advances");
        await AssertEachRequestWrittenOnceAsync(simulators, applications);
    }

    [Fact]
    public async Task RabbitMqRestartedMidRun_NothingLost()
    {
        // Arrange
        const int applications = 300;
        var clock = new DrillClock(factor: 600);
        var watch = Stopwatch.StartNew();
        await using var engines = await Engines.CreateAsync();
        using var simulators = await SimulatorsProcess.StartAsync(clock, PopulationSize, Drill.Seed, autoPayAfter: TimeSpan.FromMinutes(30));
        using var api = Hub("api", "api", clock, simulators, engines);
        using var worker = Hub("worker", "worker", clock, simulators, engines);
        await Task.WhenAll(api.StartAsync(), worker.StartAsync());
        await using var officers = new CaseOfficers(simulators, AgencyIds.Dukcapil, PrintedStatus);
        using var portal = new PortalClient(api.BaseUrl, clock.Clock);
        await Drill.SubmitAllAsync(Drill.Applicants(clock, PopulationSize, applications), c => Drill.SubmitKtpAsync(portal, c));
        output.WriteLine($"{watch.Elapsed}: {applications} submitted; {await portal.StatusSummaryAsync()}");

        // Act: the broker stops and starts again while steps are queued and in flight.
        await Engines.RestartBrokerAsync();
        output.WriteLine($"{watch.Elapsed}: RabbitMQ restarted; {await portal.StatusSummaryAsync()}");

        // Assert
        await WithLogsOnFailureAsync(() => Drill.WaitForCompletionAsync(portal, applications, TimeSpan.FromMinutes(3)), api, worker);
        output.WriteLine($"{watch.Elapsed}: {await portal.StatusSummaryAsync()}; {await officers.StopAsync()} case advances");
        await AssertEachRequestWrittenOnceAsync(simulators, applications);
    }

    [Fact]
    public async Task NewBroker_StepsSentBeforeTheFirstWorkerBoundItsQueues_AreKeptAndComplete()
    {
        // Arrange: only the API runs on a fresh virtual host; the applications' first steps wait in the outbox, which
        // workers relay. The first worker's relay sends them while its bus is still binding the step queues: RabbitMQ
        // drops a message no queue is bound for, unless it is published mandatory and comes back. Leases outlast the
        // test, so the lease sweeper cannot bring back a dropped step: only the outbox keeping the returned ones can.
        const int applications = 20;
        var clock = new DrillClock(factor: 600);
        await using var engines = await Engines.CreateAsync();
        using var simulators = await SimulatorsProcess.StartAsync(clock, PopulationSize, Drill.Seed, autoPayAfter: TimeSpan.FromMinutes(30));
        var longLeases = new Dictionary<string, string?> { ["Orchestration__LeaseDuration"] = DrillClock.Span(clock.Simulated(TimeSpan.FromMinutes(10))) };
        using var api = Hub("api", "api", clock, simulators, engines, longLeases);
        await api.StartAsync();
        await using var officers = new CaseOfficers(simulators, AgencyIds.Dukcapil, PrintedStatus);
        using var portal = new PortalClient(api.BaseUrl, clock.Clock);
        await Drill.SubmitAllAsync(Drill.Applicants(clock, PopulationSize, applications), c => Drill.SubmitKtpAsync(portal, c));

        // Act: nothing moves without a worker; then the first one starts.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(0, await portal.CountAsync(ApplicationStatus.Completed));
        using var worker = Hub("worker", "worker", clock, simulators, engines, longLeases);
        await worker.StartAsync();

        // Assert: every application completes, well before any lease would expire, each Dukcapil write once.
        await WithLogsOnFailureAsync(() => Drill.WaitForCompletionAsync(portal, applications, TimeSpan.FromMinutes(2)), api, worker);
        output.WriteLine($"{await portal.StatusSummaryAsync()}; {await officers.StopAsync()} case advances");
        await AssertEachRequestWrittenOnceAsync(simulators, applications);
    }

    private async Task WithLogsOnFailureAsync(Func<Task> wait, params HubProcess[] hubs)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException)
        {
            foreach (var hub in hubs)
            {
                output.WriteLine($"--- {hub.Name} ---{Environment.NewLine}{hub.Tail}");
            }

            throw;
        }
    }

    private static HubProcess Hub(
        string name, string role, DrillClock clock, SimulatorsProcess simulators, Engines engines, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = HubProcess.AgencySettings(simulators);
        foreach (var (key, value) in HubProcess.DrillSettings(clock).Concat(engines.HubSettings).Concat(overrides ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        return new HubProcess(name, role, settings);
    }

    private static async Task AssertRolesAsync(HubProcess api, HubProcess worker)
    {
        var ready = JsonDocument.Parse(await api.ReadyReportAsync()).RootElement;
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("store").GetProperty("status").GetString());
        Assert.Contains(checks.EnumerateObject(), c => c.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase) && c.Value.GetProperty("status").GetString() == "healthy");

        using var http = new HttpClient();
        using var onWorker = await http.GetAsync(new Uri(worker.BaseUrl, "api/v1/services"));
        Assert.Equal(HttpStatusCode.NotFound, onWorker.StatusCode);
        using var onApi = await http.GetAsync(new Uri(api.BaseUrl, "api/v1/services"));
        Assert.Equal(HttpStatusCode.Unauthorized, onApi.StatusCode);
    }

    private async Task AssertEachRequestWrittenOnceAsync(SimulatorsProcess simulators, int applications)
    {
        var writes = await simulators.WritesAsync(AgencyIds.Dukcapil);
        var cases = await simulators.CasesAsync(AgencyIds.Dukcapil);
        output.WriteLine($"dukcapil writes {writes} (accepted, replayed from the idempotency key); {cases.Count} cases");
        Assert.Equal(applications, writes.Accepted);
        Assert.Equal(applications, cases.Count);
        Assert.All(cases.Values, status => Assert.Equal(PrintedStatus, status));
    }
}
