using System.Net;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Errors;

public sealed class StrictJsonTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Theory]
    [InlineData("""{"nik":"3273010101900001","fullName":"A","isAdmin":true}""", "isAdmin")]
    [InlineData("""{"nik":"3273010101900001","fullName":"A","fullName":"B"}""", "fullName")]
    [InlineData("""{"nik":3273010101900001}""", "nik")]
    [InlineData("""{"nik":"3273013202900001"}""", "nik")]
    [InlineData("""{"fullName":"A"}""", "$")]
    [InlineData("""{"nik":"3273010101900001","birthDate":"01-01-1990"}""", "birthDate")]
    [InlineData("""{"nik":"3273010101900001","sex":"alien"}""", "sex")]
    [InlineData("""{"nik":"3273010101900001","sex":"Male"}""", "sex")]
    [InlineData("""{"nik":"3273010101900001","sex":0}""", "sex")]
    public async Task Verify_WithBadBody_Is400NamingTheField(string body, string field)
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.PostJsonAsync("/api/v1/identity/verifications", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.MalformedJson);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), problem.GetRawText());
        Assert.DoesNotContain("MppIntegrationHub", messages.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithInvalidNikDay_NamesTheDayRule()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.PostJsonAsync("/api/v1/identity/verifications", """{"nik":"3273013202900001"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.MalformedJson);
        Assert.StartsWith("Day:", problem.GetProperty("errors").GetProperty("nik")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithBodyOverTheLimit_Is413Problem()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var huge = new string('a', (int)ErrorsServiceCollectionExtensions.MaxRequestBodyBytes + 1);

        using var response = await portal.PostJsonAsync("/api/v1/identity/verifications", $$"""{"nik":"3273010101900001","fullName":"{{huge}}"}""");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, HubProblems.Types.PayloadTooLarge);
    }

    [Fact]
    public async Task Post_AsPlainText_Is415Problem()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.PostAsync(new Uri("/api/v1/consents", UriKind.Relative), new StringContent("nik=1", System.Text.Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, HubProblems.Types.UnsupportedMediaType);
    }

    [Fact]
    public async Task UnknownRoute_Is404Problem()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.GetAsync("/api/v1/nothing-here");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, HubProblems.Types.NotFound);
    }
}
