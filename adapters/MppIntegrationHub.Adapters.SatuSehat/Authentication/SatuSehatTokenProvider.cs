using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.SatuSehat.Authentication;

/// <summary>
/// One cached SATUSEHAT token shared by every call: renewed a margin before it expires, fetched by one caller at a
/// time (the others wait for its result), and after a refusal not asked for again until the cool-down passes, so a
/// wrong secret cannot turn into a storm of token requests. A throttled token request (HTTP 429) starts the same
/// cool-down, as long as SATUSEHAT's <c>Retry-After</c> says (the configured cool-down when it says nothing).
/// </summary>
public sealed partial class SatuSehatTokenProvider(
    ISatuSehatAuthApi auth,
    IOptions<SatuSehatAdapterOptions> options,
    TimeProvider clock,
    ILogger<SatuSehatTokenProvider> logger) : IDisposable
{
    private const string Throttled = "http.429";

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Token? _token;
    private (AgencyError Error, DateTimeOffset Until)? _refusal;

    /// <summary>A valid access token, from the cache when it is fresh enough.</summary>
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_token) is { } cached)
        {
            return cached;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_token) is { } renewed)
            {
                return renewed;
            }

            if (_refusal is { } refusal && clock.GetUtcNow() is var now && now < refusal.Until)
            {
                throw new AgencyException(refusal.Error with { RetryAfter = refusal.Until - now });
            }

            _token = await RequestAsync(cancellationToken).ConfigureAwait(false);
            _refusal = null;
            return _token.Value;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets <paramref name="accessToken"/> after SATUSEHAT refused it, so the next call fetches a new one.</summary>
    public void Invalidate(string accessToken)
    {
        var current = _token;
        if (current?.Value == accessToken)
        {
            Interlocked.CompareExchange(ref _token, null, current);
        }
    }

    public void Dispose() => _refresh.Dispose();

    private string? Fresh(Token? token) =>
        token is not null && clock.GetUtcNow() < token.ExpiresAt - options.Value.TokenRenewalMargin ? token.Value : null;

    private async Task<Token> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var answer = await auth.RequestTokenAsync(
                new Dictionary<string, string>(StringComparer.Ordinal) { ["client_id"] = settings.ClientId, ["client_secret"] = settings.ClientSecret },
                cancellationToken).ConfigureAwait(false);
            var lifetime = TimeSpan.FromSeconds(int.Parse(answer.ExpiresIn, NumberStyles.None, CultureInfo.InvariantCulture));
            var expiresAt = clock.GetUtcNow() + lifetime;
            TokenRenewed(logger, expiresAt);
            return new Token(answer.AccessToken, expiresAt);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var error = AgencyFailures.Normalize(SatuSehatAdapter.Agency, exception);
            if (error.Kind == AgencyErrorKind.Unauthorized)
            {
                error = CoolDown(error, settings.TokenFailureCooldown);
                TokenRefused(logger, settings.TokenFailureCooldown);
            }
            else if (error.Code == Throttled)
            {
                var cooldown = error.RetryAfter ?? settings.TokenFailureCooldown;
                error = CoolDown(error, cooldown);
                TokenThrottled(logger, cooldown);
            }

            throw new AgencyException(error);
        }
    }

    private AgencyError CoolDown(AgencyError error, TimeSpan cooldown)
    {
        var cooling = error with { RetryAfter = cooldown };
        _refusal = (cooling, clock.GetUtcNow() + cooldown);
        return cooling;
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "SATUSEHAT access token renewed; valid until {ExpiresAt}")]
    private static partial void TokenRenewed(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "SATUSEHAT refused the hub's client credentials; no new token request for {Cooldown}")]
    private static partial void TokenRefused(ILogger logger, TimeSpan cooldown);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "SATUSEHAT throttled the hub's token request; no new token request for {Cooldown}")]
    private static partial void TokenThrottled(ILogger logger, TimeSpan cooldown);

    private sealed record Token(string Value, DateTimeOffset ExpiresAt)
    {
        public override string ToString() => $"Token {{ ExpiresAt = {ExpiresAt:O} }}";
    }
}
