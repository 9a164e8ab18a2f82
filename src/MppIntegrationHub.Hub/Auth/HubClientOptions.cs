using System.ComponentModel.DataAnnotations;

namespace MppIntegrationHub.Hub.Auth;

/// <summary>Portal clients seeded into the token server at start (configuration section <c>Hub:Clients</c>).</summary>
public sealed record HubClientOptions
{
    public const string Section = "Hub";

    public IReadOnlyList<PortalClientOptions> Clients { get; init; } = [];

    /// <summary>Requests per minute for callers that are not (yet) an authenticated client, per remote address.</summary>
    [Range(1, 1_000_000)]
    public int AnonymousRequestsPerMinute { get; init; } = 120;

    /// <summary>Whether the token endpoint may be reached over plain HTTP (loopback development and tests only).</summary>
    public bool AllowHttp { get; init; }
}

/// <summary>One portal client: credentials, scopes and rate limit. The secret is stored hashed by the token server.</summary>
public sealed record PortalClientOptions
{
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{1,62}$")]
    public string ClientId { get; init; } = string.Empty;

    [Required]
    [MinLength(16)]
    public string ClientSecret { get; init; } = string.Empty;

    public string? DisplayName { get; init; }

    public IReadOnlyList<string> Scopes { get; init; } = [];

    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; init; } = 600;
}
