using System.Net.Http.Headers;

namespace MppIntegrationHub.LoadBenchmarks;

/// <summary>
/// The least any hub must do: take a request over HTTP, make one HTTP call to the agency with its body and answer with
/// the agency's page, with no token, no mapping, no audit. benchmarks/hub-overhead.sh runs it beside the hub so the
/// floor of the added cost (one inbound and one outbound exchange on the same cores) is measured in the same run.
/// </summary>
internal static class ForwardingProxy
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<int> RunAsync(Arguments args)
    {
        var port = args.Number("port");
        var target = new Uri(args.Text("target"));
        using var agency = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.ListenLocalhost(port));
        var app = builder.Build();
        app.MapPost("/", (HttpContext http) => ForwardAsync(http, agency, target));
        Console.WriteLine($"forwarding proxy on http://127.0.0.1:{port} to {target}");
        await app.RunAsync();
        return 0;
    }

    private static async Task ForwardAsync(HttpContext http, HttpClient agency, Uri target)
    {
        var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length) };
        request.Content.Headers.ContentType = Json;
        using var answer = await agency.SendAsync(request, http.RequestAborted);
        var page = await answer.Content.ReadAsByteArrayAsync(http.RequestAborted);
        http.Response.StatusCode = (int)answer.StatusCode;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = page.Length;
        await http.Response.Body.WriteAsync(page, http.RequestAborted);
    }
}
