using System.Net;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Operators;

public sealed class OperatorAuthorizationTests(HubFactory hub) : IClassFixture<HubFactory>
{
    public static TheoryData<string, string> OperatorEndpoints => new()
    {
        { "GET", "/api/v1/operator/applications" },
        { "GET", "/api/v1/operator/applications/stuck" },
        { "GET", $"/api/v1/operator/applications/{Guid.NewGuid()}" },
        { "POST", $"/api/v1/operator/applications/{Guid.NewGuid()}/retry" },
        { "POST", $"/api/v1/operator/applications/{Guid.NewGuid()}/cancel" },
        { "GET", "/api/v1/operator/agencies" },
        { "POST", "/api/v1/operator/agencies/dukcapil/retries/stop" },
        { "POST", "/api/v1/operator/agencies/dukcapil/retries/resume" },
    };

    [Theory]
    [MemberData(nameof(OperatorEndpoints))]
    public async Task OperatorEndpoint_WithoutToken_Is401Problem(string method, string path)
    {
        using var http = hub.CreateClient();

        using var response = await http.SendAsync(Request(method, path));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, HubProblems.Types.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(OperatorEndpoints))]
    public async Task OperatorEndpoint_WithPortalToken_Is403Problem(string method, string path)
    {
        // A portal holds every portal scope, the adapter administration one included, but not hub.operator.
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await portal.SendAsync(Request(method, path));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PortalEndpoint_WithOperatorToken_Is403Problem()
    {
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);

        using var response = await operatorClient.SendAsync(Request("GET", "/api/v1/applications"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OperatorEndpoint_WithOperatorToken_Is200()
    {
        using var operatorClient = await hub.ClientForAsync(HubFactory.Operator);

        using var response = await operatorClient.SendAsync(Request("GET", "/api/v1/operator/applications"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = method == "POST" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null,
        };
}
