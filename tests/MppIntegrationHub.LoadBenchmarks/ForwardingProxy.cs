using System.Net.Http.Headers;

namespace MppIntegrationHub.LoadBenchmarks;

/// <summary>
/// The least any hub must do: take a request over HTTP, make the HTTP calls to the agencies (in parallel, with the
/// request's body) and answer with their pages (one page, or a JSON array of them), with no token, no mapping, no
/// audit. The benchmarks run it beside the hub, so the floor of the added cost (an inbound exchange and the outbound
/// ones on the same cores) is measured in the same run.
/// </summary>
internal static class ForwardingProxy
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<int> RunAsync(Arguments args)
    {
        var port = args.Number("port");
        var targets = args.Text("target").Split(',').Select(t => new Uri(t)).ToArray();
        using var agency = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.ListenLocalhost(port));
        var app = builder.Build();
        app.MapPost("/", (HttpContext http) => ForwardAsync(http, agency, targets, HttpMethod.Post));
        app.MapGet("/", (HttpContext http) => ForwardAsync(http, agency, targets, HttpMethod.Get));
        Console.WriteLine($"forwarding proxy on http://127.0.0.1:{port} to {string.Join(", ", targets.AsEnumerable())}");
        await app.RunAsync();
        return 0;
    }

    private static async Task ForwardAsync(HttpContext http, HttpClient agency, Uri[] targets, HttpMethod method)
    {
        byte[]? body = null;
        if (method == HttpMethod.Post)
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            body = buffer.ToArray();
        }

        var answers = await Task.WhenAll(targets.Select(target => CallAsync(agency, target, method, body, http.RequestAborted)));
        var page = answers.Length == 1 ? answers[0].Page : JsonArray(answers.Select(a => a.Page));
        http.Response.StatusCode = answers.Select(a => a.Status).FirstOrDefault(status => status >= 300, 200);
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = page.Length;
        await http.Response.Body.WriteAsync(page, http.RequestAborted);
    }

    private static byte[] JsonArray(IEnumerable<byte[]> pages)
    {
        using var array = new MemoryStream();
        array.WriteByte((byte)'[');
        foreach (var (page, index) in pages.Select((page, index) => (page, index)))
        {
            if (index > 0)
            {
                array.WriteByte((byte)',');
            }

            array.Write(page);
        }

        array.WriteByte((byte)']');
        return array.ToArray();
    }

    private static async Task<(int Status, byte[] Page)> CallAsync(HttpClient agency, Uri target, HttpMethod method, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, target);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }

        using var answer = await agency.SendAsync(request, cancellationToken);
        return ((int)answer.StatusCode, await answer.Content.ReadAsByteArrayAsync(cancellationToken));
    }
}
