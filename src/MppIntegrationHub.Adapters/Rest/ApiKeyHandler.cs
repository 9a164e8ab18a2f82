namespace MppIntegrationHub.Adapters.Rest;

/// <summary>Adds the agency's <c>X-Api-Key</c> to every attempt (it sits inside the resilience handler).</summary>
public sealed class ApiKeyHandler(Func<string> apiKey) : DelegatingHandler
{
    public const string HeaderName = "X-Api-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, apiKey());
        return base.SendAsync(request, cancellationToken);
    }
}
