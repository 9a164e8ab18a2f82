using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MppIntegrationHub.Simulators.Hosting;

namespace MppIntegrationHub.Simulators.Tests;

public class HostingTests
{
    [Fact]
    public async Task AddAgencySimulators_HostStarted_SimulatorsAnswerUntilStopped()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAgencySimulators(_ => new SimulatorOptions { PopulationSize = 100 });
        using var host = builder.Build();

        await host.StartAsync();
        var baseUrl = host.Services.GetRequiredService<AgencySimulatorsHost>().Simulators.Skck.BaseUrl;
        using var client = new HttpClient { BaseAddress = baseUrl };
        var running = await client.GetAsync("health");
        await host.StopAsync();

        Assert.Equal(HttpStatusCode.OK, running.StatusCode);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("health"));
    }

    [Fact]
    public void AddAgencySimulators_Twice_Throws()
    {
        var services = new ServiceCollection().AddAgencySimulators();

        Assert.Throws<InvalidOperationException>(() => services.AddAgencySimulators());
    }
}
