using System.Net;
using System.Net.Http.Headers;

namespace MppIntegrationHub.Adapters.SatuSehat.Authentication;

/// <summary>Puts the cached token on every attempt (it sits inside the resilience handler) and drops a refused one.</summary>
public sealed class BearerTokenHandler(SatuSehatTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate(token);
        }

        return response;
    }
}
