using System.Text.RegularExpressions;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace MppIntegrationHub.Simulators.Hosting;

/// <summary>Registers coded WireMock mappings: a method, a path pattern and a callback producing the answer.</summary>
internal static class Routes
{
    /// <summary>Coded mappings rank below static JSON mappings (priority 1) so a static answer can pre-empt them.</summary>
    private const int CodedPriority = 10;

    /// <summary>The path pattern is an anchored regex; its groups reach the handler as <see cref="RouteMatch.Groups"/>.</summary>
    public static void On(this WireMockServer server, string method, string pathPattern, Func<RouteMatch, ResponseMessage> handler)
    {
        var regex = new Regex(pathPattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
        server
            .Given(Request.Create().UsingMethod(method).WithPath(new RegexMatcher(pathPattern)))
            .AtPriority(CodedPriority)
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var match = regex.Match(request.Path);
                return handler(new RouteMatch(request, [.. match.Groups.Values.Skip(1).Select(g => Uri.UnescapeDataString(g.Value))]));
            }));
    }
}

/// <summary>A request a coded mapping matched, with the path pattern's groups.</summary>
internal sealed record RouteMatch(IRequestMessage Request, IReadOnlyList<string> Groups)
{
    public string? Query(string name) =>
        Request.Query is { } query && query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public string? Header(string name) =>
        Request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public string Body => Request.Body ?? string.Empty;
}
