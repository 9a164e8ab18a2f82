using Microsoft.Extensions.Logging;
using MppIntegrationHub.Adapters.Tests.Dukcapil;
using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.Resilience;

[Collection(SimulatorsCollection.Name)]
public sealed class PipelineLogSeverityTests(SimulatorsFixture fixture)
{
    private readonly AgencySimulators _sims = fixture.Reset();

    [Fact]
    public async Task Attempts_SuccessfulOnesLogAtDebug_RetriedOnesAtWarning_EachWithItsStatusCode()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        _sims.Dukcapil.Faults.FailNext(1, 503);

        await host.Invoker.InvokeAsync(
            CanonicalCapabilities.IdentityVerify, DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]), new CallContext());

        var attempts = host.Logs.GetSnapshot().Where(r => r.Message.StartsWith("Execution attempt", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, _sims.Dukcapil.Requests.Total);
        Assert.Equal([LogLevel.Warning, LogLevel.Debug], attempts.Select(r => r.Level));
        Assert.Equal(["503", "200"], attempts.Select(r => r.GetStructuredStateValue("Result")));
    }
}
