using System.Net;
using System.Net.Http.Headers;

namespace MppIntegrationHub.Benchmarks.Adapters;

/// <summary>
/// Answers every request in memory with the same Dukcapil verification page, so only the client side is measured. The
/// request body is read to the end first, as a socket handler would send it: a lazily serialized body costs its share.
/// </summary>
internal sealed class CannedDukcapilHandler : HttpMessageHandler
{
    public static readonly byte[] Body = """
        {"content":[{"NIK":"Sesuai","NAMA_LGKP":"Sesuai (100)","TMPT_LHR":"Sesuai (100)","TGL_LHR":"Sesuai","JENIS_KLMIN":"Sesuai"}],
        "lastPage":true,"numberOfElements":1,"sort":null,"totalElements":1,"firstPage":true,"number":0,"size":1,"quotaLimiter":56616}
        """u8.ToArray();

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } sent)
        {
            await sent.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
