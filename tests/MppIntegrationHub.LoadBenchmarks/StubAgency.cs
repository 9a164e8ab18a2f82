namespace MppIntegrationHub.LoadBenchmarks;

/// <summary>
/// A fast stand-in agency: a minimal Kestrel app answering canned pages, each after the same fixed delay, so the
/// benchmarks measure the hub and not an agency simulator. Dukcapil's CALL_VERIFY_BY_ELEMEN (every element of a name
/// check judged <c>Sesuai</c>) and CALL_NIK (one registry record), and <c>GET /records/{nik}</c>, the register of an
/// agency that joins through a declarative manifest (benchmarks/fan-out.sh).
/// </summary>
internal static class StubAgency
{
    private static readonly byte[] VerificationPage = """
        {"content":[{"NIK":"Sesuai","NAMA_LGKP":"Sesuai (100)","TMPT_LHR":"Sesuai (100)","TGL_LHR":"Sesuai","JENIS_KLMIN":"Sesuai"}],"lastPage":true,"numberOfElements":1,"sort":null,"totalElements":1,"firstPage":true,"number":0,"size":1,"quotaLimiter":56616}
        """u8.ToArray();

    private static readonly byte[] RegistryPage = """
        {"content":[{"STATUS":"1","DESCSTATUS":"AKTIF","NIK":"3273021205909001","NO_KK":"3273021503150002","NAMA_LGKP":"ANDI PRATAMA","TMPT_LHR":"BANDUNG","TGL_LHR":"12.05.1990","JENIS_KLMIN":"LAKI-LAKI","GOL_DARAH":"O","AGAMA":"ISLAM","STATUS_KAWIN":"KAWIN","STAT_HBKEL":"KEPALA KELUARGA","PDDK_AKH":"DIPLOMA IV/STRATA I","JENIS_PKRJN":"KARYAWAN SWASTA","NAMA_LGKP_IBU":"SRI WAHYUNI","ALAMAT":"JL. MERDEKA NO. 10","NO_RT":1,"NO_RW":2,"DUSUN":"-","KODE_POS":40111,"NO_PROP":32,"NO_KAB":73,"NO_KEC":2,"NO_KEL":1001,"EKTP_STATUS":"SUDAH PEREKAMAN"}],"lastPage":true,"numberOfElements":1,"sort":null,"totalElements":1,"firstPage":true,"number":0,"size":1,"quotaLimiter":56615}
        """u8.ToArray();

    private static readonly byte[] RecordPage = """
        {"status":"OK","record":{"nik":"3273021205909001","registered":true,"registeredOn":"2015-03-15","office":"KANTOR PELAYANAN BANDUNG"}}
        """u8.ToArray();

    public static async Task<int> RunAsync(Arguments args)
    {
        var port = args.Number("port");
        var delay = TimeSpan.FromMilliseconds(args.Number("delay-ms", 0));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.ListenLocalhost(port));
        var app = builder.Build();
        app.MapPost("/dukcapil/get_json/{customerId}/{service}", (string service, HttpContext http) =>
            AnswerAsync(http, service == "CALL_NIK" ? RegistryPage : VerificationPage, delay));
        app.MapGet("/records/{nik}", (HttpContext http) => AnswerAsync(http, RecordPage, delay));
        Console.WriteLine($"stub agency on http://127.0.0.1:{port} (delay {delay.TotalMilliseconds} ms)");
        await app.RunAsync();
        return 0;
    }

    private static async Task AnswerAsync(HttpContext http, byte[] page, TimeSpan delay)
    {
        // Read the body as a real agency would before answering.
        await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, http.RequestAborted);
        }

        http.Response.ContentType = "application/json";
        http.Response.ContentLength = page.Length;
        await http.Response.Body.WriteAsync(page, http.RequestAborted);
    }
}
