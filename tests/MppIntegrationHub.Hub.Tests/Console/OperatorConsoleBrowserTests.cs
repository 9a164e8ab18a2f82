using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Hub.Tests.Support;
using MppIntegrationHub.Orchestration.Persistence;
using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Hub.Tests.Console;

/// <summary>The operator console in headless Debian Chromium against the hub with its simulators.</summary>
[Collection(SimulatedAgenciesCollection.Name)]
public sealed class OperatorConsoleBrowserTests(SimulatedAgenciesHubFactory hub)
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task FailedApplication_OperatorClearsFaultAndRetries_SeesItComplete()
    {
        // Arrange: Dukcapil refuses the hub's credentials, so identity verification fails for good; then the agency fixes it.
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var citizen = hub.Simulators.Population[Personas.PassportHolder];
        hub.Simulators.Dukcapil.Faults.Set(new FaultProfile { ErrorRate = 1.0, ErrorStatusCodes = [401], Seed = 7 });
        ServiceApplication submitted;
        try
        {
            submitted = await portal.SubmitKtpReplacementAsync(hub, citizen.Nik.Value, citizen.FullName);
            await portal.WaitForApplicationAsync(hub, submitted.Id, a => a.Status == ApplicationStatus.Failed, Patience);
        }
        finally
        {
            // The agency fixes its side whatever happens here: the other tests on this host need Dukcapil.
            hub.Simulators.Dukcapil.Faults.Clear();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1300 } });
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        // Act 1: sign in, find the failed application among those needing attention, open its timeline.
        await page.GotoAsync($"{HubRoot()}/console");
        await page.FillAsync("#client-id", HubFactory.Operator);
        await page.FillAsync("#client-secret", HubFactory.Secret);
        await page.ClickAsync("#sign-in");
        await page.ClickAsync($"#attention tr[data-id='{submitted.Id}']");
        var status = page.GetByTestId("detail-status");
        await Assertions.Expect(status).ToHaveTextAsync("failed");
        await Assertions.Expect(page.Locator("#timeline g[data-step='verify-identity'][data-status='failed']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#retry-step")).ToHaveValueAsync("verify-identity");
        await page.ScreenshotAsync(new() { Path = ArtifactPath("console-failed-application.png"), FullPage = true });

        // Act 2: the credentials are fixed at the agency (above); the operator re-runs from the failed step.
        await page.ClickAsync("#retry");
        await Assertions.Expect(page.Locator("#timeline g[data-step='wait-printing'][data-status='waiting']")).ToBeVisibleAsync();
        var reference = await PrintingCaseAsync(submitted.Id);
        while (hub.Simulators.Dukcapil.Cases.StatusOf(reference) != "SIAP_DIAMBIL")
        {
            Assert.NotNull(hub.Simulators.Dukcapil.Cases.Advance(reference));
        }

        hub.Clock.Advance(TimeSpan.FromHours(1));

        // Assert: the console shows the application completed, every step succeeded on the timeline.
        await Assertions.Expect(status).ToHaveTextAsync("completed");
        await Assertions.Expect(page.Locator("#timeline g[data-status='succeeded']")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#action-result")).ToContainTextAsync("Re-running from verify-identity");
        await page.ScreenshotAsync(new() { Path = ArtifactPath("console-retried-application-completed.png"), FullPage = true });
        Assert.Empty(scriptErrors);
    }

    private string HubRoot()
    {
        _ = hub.Services;
        return hub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    private async Task<string> PrintingCaseAsync(Guid applicationId)
    {
        var contexts = hub.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return (await db.Steps.AsNoTracking().SingleAsync(s => s.ApplicationId == applicationId && s.StepId == "wait-printing")).CorrelationRef!;
    }

    /// <summary>Screenshots go beside the TRX files that test.sh collects in artifacts/test-results.</summary>
    private static string ArtifactPath(string file)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MppIntegrationHub.sln")))
        {
            folder = folder.Parent;
        }

        var results = Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "artifacts", "test-results");
        Directory.CreateDirectory(results);
        return Path.Combine(results, file);
    }
}
