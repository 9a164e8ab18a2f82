using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using MppIntegrationHub.Simulators.Faults;

namespace MppIntegrationHub.Simulators.Tests;

public class FaultInjectionTests(SimulatorsFixture fixture) : IClassFixture<SimulatorsFixture>, IDisposable
{
    private const string Health = "health";

    public void Dispose()
    {
        foreach (var agency in fixture.Sims.All)
        {
            agency.Faults.Clear();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task FailNext_TwoThenHealthy_503503Then200AndCounted()
    {
        using var client = fixture.Client(AgencyIds.Skck);
        fixture.Sims.Skck.Faults.FailNext(2, 503);
        var before = fixture.Sims.Skck.Requests.Count("GET", "/health");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync(Health)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(before + 3, fixture.Sims.Skck.Requests.Count("GET", "/health"));
        Assert.Equal(before + 3, fixture.Sims.Skck.Requests.Count("/health"));
    }

    [Fact]
    public async Task FixedLatency_AnswerDelayed()
    {
        using var client = fixture.Client(AgencyIds.Sim);
        fixture.Sims.Sim.Faults.Set(new FaultProfile { Latency = TimeSpan.FromMilliseconds(400) });

        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync(Health);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(380), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task ErrorRate_SameSeed_SameSequence()
    {
        using var client = fixture.Client(AgencyIds.Paspor);
        var profile = new FaultProfile { ErrorRate = 0.5, ErrorStatusCodes = [500, 502], Seed = 11 };

        async Task<List<int>> RunAsync()
        {
            fixture.Sims.Paspor.Faults.Set(profile);
            var codes = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                codes.Add((int)(await client.GetAsync(Health)).StatusCode);
            }

            return codes;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains(200, first);
        Assert.Contains(first, c => c is 500 or 502);
    }

    [Fact]
    public async Task NoAnswer_ClientTimesOut()
    {
        using var client = fixture.Client(AgencyIds.Simponi);
        client.Timeout = TimeSpan.FromMilliseconds(500);
        fixture.Sims.Simponi.Faults.Set(new FaultProfile { TimeoutRate = 1 });

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync(Health));
    }

    [Fact]
    public async Task Malformed_BodyNotJson()
    {
        using var client = fixture.Client(AgencyIds.Skck);
        fixture.Sims.Skck.Faults.Set(new FaultProfile { MalformedRate = 1 });

        var response = await client.GetAsync(Health);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Truncated_ConnectionDroppedMidBody()
    {
        using var client = fixture.Client(AgencyIds.Sim);
        fixture.Sims.Sim.Faults.Set(new FaultProfile { TruncatedRate = 1 });

        await Assert.ThrowsAnyAsync<HttpRequestException>(async () => await (await client.GetAsync(Health)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Outage_ConnectionRefusedUntilCleared()
    {
        using var client = fixture.Client(AgencyIds.Paspor);
        fixture.Sims.Paspor.Faults.Set(new FaultProfile { Outage = true });

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync(Health));
        fixture.Sims.Paspor.Faults.Clear();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Health)).StatusCode);
    }

    [Fact]
    public async Task QuotaExhausted_Rest429()
    {
        using var client = fixture.Client(AgencyIds.Simponi);
        fixture.Sims.Simponi.Faults.SetQuota(1);

        var first = await client.GetAsync(Health);
        var second = await client.GetAsync(Health);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("BATAS_PERMINTAAN", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminEndpoint_PutProfileJson_LatencyAppliedAndReported()
    {
        using var client = fixture.Client(AgencyIds.SatuSehat);

        var put = await client.PutAsync("__admin/faults", new StringContent("""{"latency":"00:00:00.300","seed":3}""", Encoding.UTF8, "application/json"));
        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync(Health);
        watch.Stop();
        var state = JsonDocument.Parse(await client.GetStringAsync("__admin/faults")).RootElement;

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), watch.Elapsed.ToString());
        Assert.Equal("00:00:00.3000000", state.GetProperty("profile").GetProperty("latency").GetString());
    }

    [Fact]
    public async Task AdminEndpoint_FailNextOverHttp_AppliesAndReportsCounters()
    {
        using var client = fixture.Client(AgencyIds.Dukcapil);

        var set = await client.PostAsync("__admin/faults/fail-next", new StringContent("""{"count":1,"statusCode":502}""", Encoding.UTF8, "application/json"));
        var faulted = await client.GetAsync(Health);
        var counters = JsonDocument.Parse(await client.GetStringAsync("__admin/counters")).RootElement;

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, faulted.StatusCode);
        Assert.True(counters.GetProperty("requests").GetProperty("GET /health").GetInt32() >= 1);
    }
}
