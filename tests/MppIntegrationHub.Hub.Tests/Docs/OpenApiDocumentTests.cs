using System.Net;
using System.Text.Json;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Docs;

public sealed class OpenApiDocumentTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task OpenApi_DescribesEveryApiRouteWithOAuth2()
    {
        using var http = hub.CreateClient();

        using var response = await http.GetAsync("/openapi/v1.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/identity/verifications", paths);
        Assert.Contains("/api/v1/citizens/{nik}/profile", paths);
        Assert.Contains("/api/v1/applications/{id}/cancel", paths);
        Assert.Equal("oauth2", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Docs_ServesTheInteractiveReference()
    {
        using var http = hub.CreateClient();

        using var response = await http.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
