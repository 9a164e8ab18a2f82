using MppIntegrationHub.Adapters.Manifests;

namespace MppIntegrationHub.Adapters.Declarative.Manifests;

/// <summary>
/// How the adapter authenticates. Secrets are read from configuration
/// (<c>DeclarativeAdapters:Credentials:{adapterId}:ApiKey|ClientId|ClientSecret|User|Password</c>), never from the manifest.
/// </summary>
public sealed record DeclarativeAuth
{
    public AgencyAuthKind Kind { get; init; } = AgencyAuthKind.None;

    /// <summary>Header carrying the API key (<see cref="AgencyAuthKind.ApiKey"/>).</summary>
    public string ApiKeyHeader { get; init; } = "X-Api-Key";

    /// <summary>Token endpoint, relative to the base URL (<see cref="AgencyAuthKind.OAuth2ClientCredentials"/>).</summary>
    public string? TokenPath { get; init; }

    /// <summary>Scope asked for with client credentials.</summary>
    public string? Scope { get; init; }

    /// <summary>Body field names for the user and password (<see cref="AgencyAuthKind.BodyCredentials"/>).</summary>
    public string UserField { get; init; } = "user_id";

    public string PasswordField { get; init; } = "password";
}
