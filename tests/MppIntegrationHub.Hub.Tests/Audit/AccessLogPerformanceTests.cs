using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Tests.Support;
using Xunit.Abstractions;

namespace MppIntegrationHub.Hub.Tests.Audit;

public sealed class AccessLogPerformanceTests(HubFactory hub, ITestOutputHelper output) : IClassFixture<HubFactory>
{
    private const int Records = 100_000;

    [Fact]
    public async Task AccessLog_With100000AuditRecords_IsServedInUnderOneSecond()
    {
        var trail = hub.Services.GetRequiredService<AuditTrail>();
        var target = TestCitizens.Parse(TestCitizens.Siti);
        var others = Enumerable.Range(0, 5_000).Select(OtherCitizen).ToArray();
        for (var batch = 0; batch < Records / 10_000; batch++)
        {
            var entries = Enumerable.Range(batch * 10_000, 10_000)
                .Select(i => new AuditEntry(
                    i % 2 == 0 ? HubFactory.PortalA : HubFactory.PortalB,
                    AuditActions.ProfileRead,
                    DataPurpose.Passport,
                    i % 2_000 == 0 ? target : others[i % others.Length],
                    ["fullName", "address"]))
                .ToList();
            await trail.AppendAsync(entries);
        }

        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        using var warmUp = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Budi}/access-log");

        var stopwatch = Stopwatch.StartNew();
        using var response = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Siti}/access-log?limit=500");
        var body = await response.Content.ReadAsStringAsync();
        stopwatch.Stop();

        output.WriteLine($"access log over {Records} records: {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Records / 2_000, JsonDocument.Parse(body).RootElement.GetProperty("entries").GetArrayLength());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.ElapsedMilliseconds} ms");
    }

    private static Nik OtherCitizen(int i) =>
        Nik.Parse(
            string.Create(CultureInfo.InvariantCulture, $"327302{(i % 28) + 1:00}{(i % 12) + 1:00}{80 + (i % 20):00}{(i % 9_000) + 1:0000}"),
            new DateOnly(2026, 1, 1));
}
