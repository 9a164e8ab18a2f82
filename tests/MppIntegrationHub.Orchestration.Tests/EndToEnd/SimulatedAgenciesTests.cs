using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Tests.Fakes;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Orchestration.Tests.EndToEnd;

/// <summary>
/// The orchestrator with the real Dukcapil adapter against the Dukcapil simulator over loopback HTTP, all on one
/// fake clock (the replacement card is printed a day later). The other services wait for their adapters.
/// </summary>
public sealed class SimulatedAgenciesTests
{
    [Fact]
    public async Task KtpReplacement_AgainstTheSimulator_CompletesReadyForPickUp()
    {
        await using var world = await World.StartAsync();

        var done = await world.RunKtpReplacementAsync();

        Assert.Contains("Kependudukan", done.Outputs["pickupLocation"].GetString(), StringComparison.Ordinal);
        Assert.All(done.Steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.Equal(1, world.Simulators.Dukcapil.Writes.Accepted);
        Assert.Equal(0, world.Simulators.Dukcapil.Writes.Duplicates);
    }

    [Fact]
    public async Task KtpReplacement_SimulatorFailingTransiently_CompletesWithTheWriteOnce()
    {
        await using var world = await World.StartAsync();
        world.Simulators.Dukcapil.Faults.FailNext(3, 503);

        var done = await world.RunKtpReplacementAsync();

        Assert.Contains(done.Steps, s => s.Attempts > 1);
        Assert.Equal(1, world.Simulators.Dukcapil.Writes.Accepted);
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
            var simulators = await AgencySimulators.StartAsync(new SimulatorOptions { Seed = 42, PopulationSize = 50, Clock = clock });
            var hub = await OrchestrationHarness.StartAsync(clock: clock, agencies: services => services.AddDukcapilAdapter(options =>
            {
                var credentials = simulators.Credentials;
                options.BaseUrl = simulators.Dukcapil.BaseUrl;
                options.CustomerId = credentials.DukcapilCustomerId;
                options.UserId = credentials.DukcapilUserId;
                options.Password = credentials.DukcapilPassword;
                options.IpUser = credentials.DukcapilIpUser;
                options.ApiKey = credentials.ApiKeys[AgencyIds.Dukcapil];

                // Polly's backoff runs on the same fake clock; here the engine's own retries take every transient failure.
                options.Retry.MaxRetries = 0;
            }));
            return new World(simulators, hub);
        }

        public async Task<ServiceApplication> RunKtpReplacementAsync()
        {
            var citizen = Simulators.Population[Personas.HappyPath];
            var submitted = await Hub.Engine.SubmitAsync(
                new SubmitApplicationRequest
                {
                    ServiceCode = ServiceCodes.KtpReplacement,
                    Nik = citizen.Nik,
                    ConsentId = Guid.NewGuid(),
                    Inputs = new Dictionary<string, System.Text.Json.JsonElement>
                    {
                        ["fullName"] = System.Text.Json.JsonSerializer.SerializeToElement(citizen.FullName),
                        ["reason"] = System.Text.Json.JsonSerializer.SerializeToElement("damaged"),
                        ["pickupRegion"] = System.Text.Json.JsonSerializer.SerializeToElement("3273"),
                    },
                },
                "portal-bandung");
            return await Hub.AdvanceUntilAsync(submitted.Id, ApplicationStatus.Completed, TimeSpan.FromDays(3));
        }

        public async ValueTask DisposeAsync()
        {
            await Hub.DisposeAsync();
            await Simulators.DisposeAsync();
        }
    }
}
