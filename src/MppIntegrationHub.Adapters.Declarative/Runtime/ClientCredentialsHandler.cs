using System.Net.Http.Headers;
using System.Text.Json;

namespace MppIntegrationHub.Adapters.Declarative.Runtime;

/// <summary>OAuth2 client credentials for a declarative adapter: a bearer token fetched once and reused until shortly before it expires.</summary>
internal sealed class ClientCredentialsHandler(Uri tokenUrl, string? scope, Func<(string Id, string Secret)> client, TimeProvider clock)
    : DelegatingHandler
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset Expires)? _cached;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } cached && cached.Expires > clock.GetUtcNow())
            {
                return cached.Token;
            }

            var (id, secret) = client();
            var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = id, ["client_secret"] = secret };
            if (scope is not null)
            {
                form["scope"] = scope;
            }

            using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) };
            using var response = await base.SendAsync(tokenRequest, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var token = body.RootElement.GetProperty("access_token").GetString() ?? throw new JsonException("The token answer has no access_token.");
            var lifetime = body.RootElement.TryGetProperty("expires_in", out var expiresIn) ? TimeSpan.FromSeconds(expiresIn.GetInt32()) : TimeSpan.FromMinutes(5);
            _cached = (token, clock.GetUtcNow() + lifetime - Margin);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
