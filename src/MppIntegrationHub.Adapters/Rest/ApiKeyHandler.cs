namespace MppIntegrationHub.Adapters.Rest;

/// <summary>Adds the agency's API key header (<c>X-Api-Key</c> unless named otherwise) to every attempt (it sits inside the resilience handler).</summary>
public sealed class ApiKeyHandler(Func<string> apiKey, string headerName = ApiKeyHandler.HeaderName) : DelegatingHandler
{
    public const string HeaderName = "X-Api-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(headerName);
        request.Headers.TryAddWithoutValidation(headerName, apiKey());
        return base.SendAsync(request, cancellationToken);
    }
}
