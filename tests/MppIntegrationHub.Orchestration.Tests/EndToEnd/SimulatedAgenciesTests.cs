using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Tests.Fakes;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Orchestration.Tests.EndToEnd;

/// <summary>
/// The orchestrator with the real adapters against the agency simulators over loopback HTTP, everything on one fake
/// clock, so days of police checks, printing and interviews pass in seconds. The citizen pays through the SIMPONI
/// simulator's tester action, as a bank would.
/// </summary>
public sealed class SimulatedAgenciesTests
{
    [Fact]
    public async Task Skck_AgainstTheSimulators_CompletesWithTheCertificate()
    {
        await using var world = await World.StartAsync();

        var done = await world.RunAsync(ServiceCodes.SkckNew, Personas.HappyPath, new()
        {
            ["purpose"] = "Job application", ["officeLevel"] = "polres", ["officeRegion"] = "3273",
        });

        Assert.StartsWith("SKCK/", done.Outputs["certificateNumber"].GetString(), StringComparison.Ordinal);
        Assert.True(done.Outputs.ContainsKey("validUntil"));
        Assert.Equal(1, world.Simulators.Skck.Writes.Accepted);
    }

    [Fact]
    public async Task Skck_RecordFoundAfterPayment_FailsWithThePoliceReason()
    {
        await using var world = await World.StartAsync();

        var failed = await world.RunAsync(ServiceCodes.SkckNew, Personas.CriminalRecord, new()
        {
            ["purpose"] = "Job application", ["officeLevel"] = "polres", ["officeRegion"] = "3273",
        }, ApplicationStatus.Failed);

        Assert.StartsWith("Polri did not issue the certificate", failed.StatusReason, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Succeeded, failed.Steps.Single(s => s.Id == "wait-payment").Status);
        Assert.Equal(StepStatus.Failed, failed.Steps.Single(s => s.Id == "wait-issuance").Status);
    }

    [Fact]
    public async Task SimRenewal_LicenceDueForRenewal_CompletesWithTheNewLicence()
    {
        await using var world = await World.StartAsync();

        var done = await world.RunAsync(ServiceCodes.SimRenewal, Personas.LicenceDueForRenewal, new() { ["licenceClass"] = "a" });

        Assert.False(string.IsNullOrEmpty(done.Outputs["licenceNumber"].GetString()));
        Assert.Equal(1, world.Simulators.Sim.Writes.Accepted);
    }

    [Fact]
    public async Task SimRenewal_ExpiredLicence_RefusedWithTheReason()
    {
        await using var world = await World.StartAsync();

        var failed = await world.RunAsync(ServiceCodes.SimRenewal, Personas.ExpiredLicence, new() { ["licenceClass"] = "c" }, ApplicationStatus.Failed);

        Assert.Contains("The licence cannot be renewed online", failed.StatusReason, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Failed, failed.Steps.Single(s => s.Id == "check-licence").Status);
        Assert.Equal(0, world.Simulators.Simponi.Writes.Accepted);
    }

    [Fact]
    public async Task Paspor_AgainstTheSimulators_CompletesWithThePassport()
    {
        await using var world = await World.StartAsync();

        var done = await world.RunAsync(ServiceCodes.PasporNew, Personas.HappyPath, new()
        {
            ["officeCode"] = "KANIM-BDG", ["preferredDate"] = "2026-11-25", ["passportKind"] = "electronic",
        });

        Assert.False(string.IsNullOrEmpty(done.Outputs["passportNumber"].GetString()));
        Assert.Equal(2, world.Simulators.Paspor.Writes.Accepted); // the appointment and the application
    }

    [Fact]
    public async Task KtpReplacement_AgainstTheSimulator_CompletesReadyForPickUp()
    {
        await using var world = await World.StartAsync();

        var done = await world.RunAsync(ServiceCodes.KtpReplacement, Personas.HappyPath, new() { ["reason"] = "damaged", ["pickupRegion"] = "3273" });

        Assert.Contains("Kependudukan", done.Outputs["pickupLocation"].GetString(), StringComparison.Ordinal);
        Assert.All(done.Steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.Equal(1, world.Simulators.Dukcapil.Writes.Accepted);
    }

    [Fact]
    public async Task Skck_EveryAgencyFailingTransiently_CompletesWithEachWriteOnce()
    {
        await using var world = await World.StartAsync();
        foreach (var agency in world.Simulators.All)
        {
            agency.Faults.FailNext(2, 503);
        }

        var done = await world.RunAsync(ServiceCodes.SkckNew, Personas.HappyPath, new()
        {
            ["purpose"] = "Visa", ["officeLevel"] = "polres", ["officeRegion"] = "3273",
        });

        Assert.Contains(done.Steps, s => s.Attempts > 1);
        Assert.Equal(1, world.Simulators.Skck.Writes.Accepted);
        Assert.Equal(1, world.Simulators.Simponi.Writes.Accepted);
    }

    private sealed class World : IAsyncDisposable
    {
        private World(AgencySimulators simulators, OrchestrationHarness hub)
        {
            Simulators = simulators;
            Hub = hub;
        }

        public AgencySimulators Simulators { get; }

        public OrchestrationHarness Hub { get; }

        public static async Task<World> StartAsync()
        {
            var clock = new FakeTimeProvider(OrchestrationHarness.Start);
            var sims = await AgencySimulators.StartAsync(new SimulatorOptions { Seed = 42, PopulationSize = 50, Clock = clock });
            var keys = sims.Credentials.ApiKeys;
            var hub = await OrchestrationHarness.StartAsync(clock: clock, agencies: services =>
            {
                services.AddDukcapilAdapter(o =>
                {
                    Point(o, sims.Dukcapil.BaseUrl);
                    o.CustomerId = sims.Credentials.DukcapilCustomerId;
                    o.UserId = sims.Credentials.DukcapilUserId;
                    o.Password = sims.Credentials.DukcapilPassword;
                    o.IpUser = sims.Credentials.DukcapilIpUser;
                    o.ApiKey = keys[AgencyIds.Dukcapil];
                });
                services.AddSkckAdapter(o => Point(o, sims.Skck.BaseUrl, keys[AgencyIds.Skck]));
                services.AddSimAdapter(o => Point(o, sims.Sim.BaseUrl, keys[AgencyIds.Sim]));
                services.AddPasporAdapter(o => Point(o, sims.Paspor.BaseUrl, keys[AgencyIds.Paspor]));
                services.AddBillingAdapter(o => Point(o, sims.Simponi.BaseUrl, keys[AgencyIds.Simponi]));
            });
            return new World(sims, hub);
        }

        public async Task<ServiceApplication> RunAsync(
            string service, Persona persona, Dictionary<string, string> answers, ApplicationStatus until = ApplicationStatus.Completed)
        {
            var citizen = Simulators.Population[persona];
            answers["fullName"] = citizen.FullName;
            var submitted = await Hub.Engine.SubmitAsync(
                new SubmitApplicationRequest
                {
                    ServiceCode = service,
                    Nik = citizen.Nik,
                    ConsentId = Guid.NewGuid(),
                    Inputs = answers.ToDictionary(a => a.Key, a => JsonSerializer.SerializeToElement(a.Value)),
                },
                "portal-bandung");

            var app = await Hub.AdvanceUntilAsync(
                submitted.Id,
                a => a.Status == until || a.Steps.All(s => s.Id != "wait-payment") || a.Steps.Any(s => s.Id == "wait-payment" && s.Status == StepStatus.Waiting),
                TimeSpan.FromDays(1));
            if (app.Status != until && app.Steps.Any(s => s.Id == "wait-payment"))
            {
                Simulators.Simponi.Pay(await BillingCodeOf(submitted.Id));
            }

            return await Hub.AdvanceUntilAsync(submitted.Id, until, TimeSpan.FromDays(40));
        }

        public async ValueTask DisposeAsync()
        {
            await Hub.DisposeAsync();
            await Simulators.DisposeAsync();
        }

        private async Task<string> BillingCodeOf(Guid applicationId)
        {
            await using var db = await Hub.Contexts.CreateDbContextAsync();
            var step = await db.Steps.AsNoTracking().SingleAsync(s => s.ApplicationId == applicationId && s.StepId == "create-billing");
            return JsonDocument.Parse(step.OutputJson!).RootElement.GetProperty("billingCode").GetString()!;
        }

        // Polly's backoff would run on the shared fake clock: here every transient failure goes to the engine's own retries.
        private static void Point(AdapterManifest manifest, Uri baseUrl, string? apiKey = null)
        {
            manifest.BaseUrl = baseUrl;
            manifest.Retry.MaxRetries = 0;
            if (apiKey is not null && manifest is Adapters.Rest.RestAgencyOptions rest)
            {
                rest.ApiKey = apiKey;
            }
        }
    }
}
