using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Verification;
using MppIntegrationHub.Hub.Operators;
using MppIntegrationHub.Hub.Tests.Support;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Hub.Tests.Health;

/// <summary><c>/health/ready</c> over HTTP reflects each adapter's switch and its agency's breaker, degraded at worst.</summary>
public sealed class AdapterReadinessTests
{
    [Fact]
    public async Task Ready_AllAdaptersServing_IsHealthyAndListsEachAdapter()
    {
        await using var hub = new EndToEndHubFactory();

        var (status, report) = await ReadyAsync(hub);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", report.GetProperty("status").GetString());
        var adapters = report.GetProperty("checks").GetProperty("adapters");
        Assert.Equal("healthy", adapters.GetProperty("status").GetString());
        var ids = adapters.GetProperty("data").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["billing", "dukcapil", "paspor", "satusehat", "sim", "skck"], ids);
        Assert.Equal("closed", Adapter(report, "dukcapil").GetProperty("breaker").GetString());
    }

    [Fact]
    public async Task Ready_AdapterDisabled_IsDegradedAndStillServes()
    {
        await using var hub = new EndToEndHubFactory();
        var registry = hub.Services.GetRequiredService<IAdapterRegistry>();
        var skck = registry.GetStatuses().Single(s => s.Agency == "skck").Id;

        registry.SetEnabled(skck, false);
        var (status, report) = await ReadyAsync(hub);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", report.GetProperty("status").GetString());
        Assert.Equal("disabled", Adapter(report, skck).GetProperty("health").GetString());
        Assert.False(Adapter(report, skck).GetProperty("enabled").GetBoolean());
        Assert.Equal("healthy", Adapter(report, "dukcapil").GetProperty("health").GetString());
        Assert.Contains(skck, report.GetProperty("checks").GetProperty("adapters").GetProperty("description").GetString(), StringComparison.Ordinal);

        registry.SetEnabled(skck, true);
        Assert.Equal("healthy", (await ReadyAsync(hub)).Report.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_AgencyOutageOpensBreaker_IsDegradedWithTheOpenBreaker()
    {
        await using var hub = new EndToEndHubFactory();
        var registry = hub.Services.GetRequiredService<IAdapterRegistry>();
        var invoker = hub.Services.GetRequiredService<ICapabilityInvoker>();
        var simulators = hub.Services.GetRequiredService<AgencySimulators>();
        var persona = simulators.Population[Personas.HappyPath];
        var request = new IdentityVerificationRequest { Nik = persona.Nik, FullName = persona.FullName };
        simulators.Dukcapil.Faults.Set(new FaultProfile { Outage = true });

        // Retries stopped as an operator stops them, in the store: the deployment sync's first pass (whenever it runs)
        // keeps them off. Switched off in this process only, a late first pass turned them back on, and a retry then
        // waited for its backoff on the test's clock, which never moves here: the test hung.
        await hub.Services.GetRequiredService<OperatorConsole>().StopRetriesAsync(HubFactory.Operator, "dukcapil", "outage drill", CancellationToken.None);

        // The default breaker opens once half of at least ten sampled calls fail.
        for (var call = 0; call < 20 && Dukcapil(registry).Health == AdapterHealth.Healthy; call++)
        {
            await Assert.ThrowsAsync<AgencyException>(() =>
                invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext()).WaitAsync(TimeSpan.FromSeconds(30)));
        }

        var (status, report) = await ReadyAsync(hub);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", report.GetProperty("status").GetString());
        var dukcapil = Adapter(report, "dukcapil");
        Assert.Equal(("open", "unavailable"), (dukcapil.GetProperty("breaker").GetString(), dukcapil.GetProperty("health").GetString()));
        Assert.Equal("healthy", Adapter(report, registry.GetStatuses().Single(s => s.Agency == "skck").Id).GetProperty("health").GetString());
    }

    private static AdapterStatus Dukcapil(IAdapterRegistry registry) => registry.GetStatuses().Single(s => s.Id == "dukcapil");

    private static JsonElement Adapter(JsonElement report, string id) =>
        report.GetProperty("checks").GetProperty("adapters").GetProperty("data").GetProperty(id);

    private static async Task<(HttpStatusCode Status, JsonElement Report)> ReadyAsync(HubFactory hub)
    {
        using var http = hub.CreateClient();
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
