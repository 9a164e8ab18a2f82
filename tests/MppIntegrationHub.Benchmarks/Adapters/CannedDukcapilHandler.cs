using System.Net;
using System.Net.Http.Headers;

namespace MppIntegrationHub.Benchmarks.Adapters;

/// <summary>Answers every request in memory with the same Dukcapil verification page, so only the client side is measured.</summary>
internal sealed class CannedDukcapilHandler : HttpMessageHandler
{
    public static readonly byte[] Body = """
        {"content":[{"NIK":"Sesuai","NAMA_LGKP":"Sesuai (100)","TMPT_LHR":"Sesuai (100)","TGL_LHR":"Sesuai","JENIS_KLMIN":"Sesuai"}],
        "lastPage":true,"numberOfElements":1,"sort":null,"totalElements":1,"firstPage":true,"number":0,"size":1,"quotaLimiter":56616}
        """u8.ToArray();

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
