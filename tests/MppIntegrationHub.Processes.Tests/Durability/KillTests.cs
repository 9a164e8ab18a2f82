using System.Diagnostics;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Processes.Tests.Support;
using MppIntegrationHub.Simulators;
using Xunit.Abstractions;

namespace MppIntegrationHub.Processes.Tests.Durability;

/// <summary>
/// Issue 5's kill test: one real hub process (role all, SQLite, in-memory bus) with 500 SKCK applications in
/// flight, killed with SIGKILL at random moments ten times and started again each time. The simulators run in
/// their own process on the same drill clock (one real second is one simulated hour), so their cases and write
/// counters survive every kill, and citizens pay their billing codes half a simulated hour after issue.
/// </summary>
public sealed class KillTests(ITestOutputHelper output) : IDisposable
{
    private const int Applications = 500;
    private const int Kills = 10;
    private const int PopulationSize = 1_500;

    private readonly string _folder = Directory.CreateTempSubdirectory("hub-kill-test-").FullName;

    [Fact]
    public async Task HubKilledTenTimes_FiveHundredApplicationsInFlight_AllCompleteWithEachAgencyWriteOnce()
    {
        // Arrange: simulators, one hub, 500 applications submitted.
        var clock = new DrillClock(factor: 3_600);
        var watch = Stopwatch.StartNew();
        using var simulators = await SimulatorsProcess.StartAsync(clock, PopulationSize, Drill.Seed, autoPayAfter: TimeSpan.FromMinutes(30));
        var settings = HubProcess.AgencySettings(simulators);
        foreach (var (key, value) in HubProcess.DrillSettings(clock))
        {
            settings[key] = value;
        }

        settings["Store__ConnectionString"] = $"Data Source={Path.Combine(_folder, "hub.db")}";
        using var hub = new HubProcess("hub", "all", settings);
        await hub.StartAsync();
        using var portal = new PortalClient(hub.BaseUrl, clock.Clock);
        var applicants = Drill.Applicants(clock, PopulationSize, Applications);
        await Drill.SubmitAllAsync(applicants, c => Drill.SubmitSkckAsync(portal, c));
        output.WriteLine($"{watch.Elapsed}: {Applications} submitted; {await portal.StatusSummaryAsync()}");

        // Act: ten SIGKILLs at random moments while the applications run, each followed by a restart.
        var random = new Random();
        for (var kill = 1; kill <= Kills; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 4_000)));
            await hub.KillAsync();
            output.WriteLine($"{watch.Elapsed}: kill {kill}");
            await hub.StartAsync();
            output.WriteLine($"{watch.Elapsed}: restarted; {await portal.StatusSummaryAsync()}");
        }

        // Assert: every application completed, and each agency took each write once.
        try
        {
            await Drill.WaitForCompletionAsync(portal, Applications, TimeSpan.FromSeconds(150));
        }
        finally
        {
            output.WriteLine($"{watch.Elapsed}: {await portal.StatusSummaryAsync()}");
        }

        var billing = await simulators.WritesAsync(AgencyIds.Simponi);
        var skck = await simulators.WritesAsync(AgencyIds.Skck);
        output.WriteLine($"simponi {billing}, skck {skck} (accepted, replayed from the idempotency key); {hub.Starts} starts");
        Assert.Equal(Applications, await portal.CountAsync(ApplicationStatus.Completed));
        Assert.Equal(Applications, billing.Accepted);
        Assert.Equal(Applications, skck.Accepted);
        var cases = await simulators.CasesAsync(AgencyIds.Skck);
        Assert.Equal(Applications, cases.Count);
        Assert.All(cases.Values, status => Assert.Equal("TERBIT", status));
        Assert.Equal(Kills + 1, hub.Starts);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
