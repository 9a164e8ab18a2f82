using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Operators;
using MppIntegrationHub.Hub.Tests.Support;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Hub.Tests.Operators;

[Collection(SimulatedAgenciesCollection.Name)]
public sealed class OperatorAgencyTests(SimulatedAgenciesHubFactory hub)
{
    [Fact]
    public async Task Agencies_AfterAVerification_ShowEveryAgencyWithHealthQuotaAndTraffic()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);
        var citizen = hub.Simulators.Population[Personas.HappyPath];
        using var verified = await portal.PostJsonAsync("/api/v1/identity/verifications", $$"""{"nik":"{{citizen.Nik.Value}}","fullName":"{{citizen.FullName}}"}""");
        verified.EnsureSuccessStatusCode();

        var agencies = await operatorClient.GetFromJsonAsync<List<OperatorAgency>>(new Uri("/api/v1/operator/agencies", UriKind.Relative), hub.Json);

        Assert.NotNull(agencies);
        Assert.Equal(["dukcapil", "paspor", "satusehat", "sim", "simponi", "skck"], agencies.Select(a => a.Status.Agency));
        var dukcapil = agencies.Single(a => a.Status.Agency == "dukcapil");
        Assert.Equal(AdapterHealth.Healthy, dukcapil.Status.Health);
        Assert.True(dukcapil.Status.Traffic.CallsPerMinute >= 1);
        Assert.NotNull(dukcapil.Status.Traffic.MeanLatencyMs);
        Assert.NotNull(dukcapil.Status.QuotaAvailable);
        Assert.NotEmpty(dukcapil.Status.Adapters);
    }

    [Fact]
    public async Task KillSwitch_StopThenResume_TurnsBothRetryLayersOffAndOnAndIsAudited()
    {
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);
        var registry = hub.Services.GetRequiredService<IAdapterRegistry>();

        using var stop = await operatorClient.PostJsonAsync("/api/v1/operator/agencies/sim/retries/stop", """{"reason":"Korlantas maintenance window"}""");
        var stopped = await stop.Content.ReadFromJsonAsync<OperatorAgency>(hub.Json);
        var httpRetriesWhileStopped = registry.GetAgencyStatuses().Single(a => a.Agency == "sim").HttpRetriesEnabled;
        using var resume = await operatorClient.PostAsync(new Uri("/api/v1/operator/agencies/sim/retries/resume", UriKind.Relative), null);
        var resumed = await resume.Content.ReadFromJsonAsync<AgencyRetriesResumed>(hub.Json);

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.False(stopped!.RetriesEnabled);
        Assert.Equal("Korlantas maintenance window", stopped.RetriesStoppedReason);
        Assert.False(httpRetriesWhileStopped);
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        Assert.True(resumed!.Agency.RetriesEnabled);
        Assert.True(registry.GetAgencyStatuses().Single(a => a.Agency == "sim").HttpRetriesEnabled);
        Assert.True(await hub.OperatorAuditedAsync(AuditActions.OperatorRetriesStopped, "sim"));
        Assert.True(await hub.OperatorAuditedAsync(AuditActions.OperatorRetriesResumed, "sim"));
    }
}
