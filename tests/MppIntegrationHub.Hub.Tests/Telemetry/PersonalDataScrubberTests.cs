using System.Diagnostics;
using MppIntegrationHub.Hub.Telemetry;

namespace MppIntegrationHub.Hub.Tests.Telemetry;

public sealed class PersonalDataScrubberTests
{
    [Theory]
    [InlineData("nik 3273021205909001 and kk 3273010101200001", "nik [redacted] and kk [redacted]")]
    [InlineData("3273021205909001", "[redacted]")]
    [InlineData("ref-32730212059090019", "ref-[redacted]")]
    public void EraseRegistryNumbers_TextWithSixteenDigitRuns_ErasesEachRun(string text, string expected) =>
        Assert.Equal(expected, PersonalDataScrubber.EraseRegistryNumbers(text));

    [Theory]
    [InlineData("case 1234-5678-000123 on 2026-11-23")]
    [InlineData("")]
    [InlineData(null)]
    public void EraseRegistryNumbers_TextWithoutSixteenDigitRuns_IsLeftAlone(string? text) =>
        Assert.Null(PersonalDataScrubber.EraseRegistryNumbers(text));

    [Fact]
    public void OnEnd_ServerAndClientSpans_KeepRouteTemplateAndHostOnly()
    {
        using var server = new Activity("GET /api/v1/citizens/{nik}/profile").Start();
        server.SetTag("url.path", "/api/v1/citizens/3273021205909001/profile");
        server.SetTag("http.route", "/api/v1/citizens/{nik}/profile");
        server.SetTag("url.query", "?purpose=identity-verification");
        using var client = new Activity("GET").Start();
        client.SetTag("url.full", "http://127.0.0.1:9103/sim?nik=3273021205909001");
        client.SetTag("hub.note", "looked up 3273021205909001");
        var scrubber = new PersonalDataScrubber();

        scrubber.OnEnd(server);
        scrubber.OnEnd(client);

        Assert.Equal("/api/v1/citizens/{nik}/profile", server.GetTagItem("url.path"));
        Assert.Null(server.GetTagItem("url.query"));
        Assert.Equal("http://127.0.0.1:9103/sim", client.GetTagItem("url.full"));
        Assert.Equal("looked up [redacted]", client.GetTagItem("hub.note"));
        Assert.Equal("/{id}/kelayakan-perpanjangan", PersonalDataScrubber.MaskPath("/1234-5678-000123/kelayakan-perpanjangan"));
    }
}
