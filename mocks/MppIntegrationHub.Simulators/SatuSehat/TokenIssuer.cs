using System.Security.Cryptography;

namespace MppIntegrationHub.Simulators.SatuSehat;

/// <summary>Client-credentials tokens that live 3,599 seconds on the injected clock.</summary>
internal sealed class TokenIssuer(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3599);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastFailure = new(StringComparer.Ordinal);

    /// <summary>
    /// After a failed attempt the gateway allows one token request per <paramref name="backoff"/> for that client id
    /// (SATUSEHAT's spike arrest); true when this attempt is refused for that reason.
    /// </summary>
    public bool IsThrottled(string clientId, TimeSpan backoff)
    {
        lock (_lock)
        {
            return _lastFailure.TryGetValue(clientId, out var failedAt) && clock.GetUtcNow() - failedAt < backoff;
        }
    }

    public void RecordFailure(string clientId)
    {
        lock (_lock)
        {
            _lastFailure[clientId] = clock.GetUtcNow();
        }
    }

    public (string Token, DateTimeOffset IssuedAt) Issue()
    {
        var token = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 28);
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            _expiries[token] = now + Lifetime;
        }

        return (token, now);
    }

    public bool IsValid(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        lock (_lock)
        {
            return _expiries.TryGetValue(authorization[scheme.Length..].Trim(), out var expiry) && clock.GetUtcNow() < expiry;
        }
    }
}
