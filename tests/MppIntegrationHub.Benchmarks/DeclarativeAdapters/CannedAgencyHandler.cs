using System.Net;
using System.Text;

namespace MppIntegrationHub.Benchmarks.DeclarativeAdapters;

/// <summary>An in-memory agency: every request gets the same JSON answer, no sockets.</summary>
internal sealed class CannedAgencyHandler(string body) : HttpMessageHandler
{
    private readonly byte[] _body = Encoding.UTF8.GetBytes(body);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
