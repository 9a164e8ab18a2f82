using System.Security.Cryptography;

namespace MppIntegrationHub.Simulators.SatuSehat;

/// <summary>Client-credentials tokens that live 3,599 seconds on the injected clock.</summary>
internal sealed class TokenIssuer(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3599);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

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
