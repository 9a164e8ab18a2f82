namespace MppIntegrationHub.LoadBenchmarks;

/// <summary>
/// A fast stand-in for Dukcapil's CALL_VERIFY_BY_ELEMEN: a minimal Kestrel app answering one canned page (every element
/// the hub sends for a name check judged <c>Sesuai</c>), optionally after a fixed delay, so the benchmark measures the
/// hub and not an agency simulator.
/// </summary>
internal static class StubAgency
{
    private static readonly byte[] Page = """
        {"content":[{"NIK":"Sesuai","NAMA_LGKP":"Sesuai (100)","TMPT_LHR":"Sesuai (100)","TGL_LHR":"Sesuai","JENIS_KLMIN":"Sesuai"}],"lastPage":true,"numberOfElements":1,"sort":null,"totalElements":1,"firstPage":true,"number":0,"size":1,"quotaLimiter":56616}
        """u8.ToArray();

    public static async Task<int> RunAsync(Arguments args)
    {
        var port = args.Number("port");
        var delay = TimeSpan.FromMilliseconds(args.Number("delay-ms", 0));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.ListenLocalhost(port));
        var app = builder.Build();
        app.MapPost("/dukcapil/get_json/{customerId}/{service}", async (HttpContext http) =>
        {
            // Read the body as a real agency would before answering.
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, http.RequestAborted);
            }

            http.Response.ContentType = "application/json";
            http.Response.ContentLength = Page.Length;
            await http.Response.Body.WriteAsync(Page, http.RequestAborted);
        });
        Console.WriteLine($"stub agency on http://127.0.0.1:{port} (delay {delay.TotalMilliseconds} ms)");
        await app.RunAsync();
        return 0;
    }
}
