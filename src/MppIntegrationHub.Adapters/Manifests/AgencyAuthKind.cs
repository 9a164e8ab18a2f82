namespace MppIntegrationHub.Adapters.Manifests;

/// <summary>How an adapter authenticates to its agency.</summary>
public enum AgencyAuthKind
{
    None,

    /// <summary>An <c>X-Api-Key</c> header on every request.</summary>
    ApiKey,

    /// <summary>OAuth2 client credentials; a cached bearer token.</summary>
    OAuth2ClientCredentials,

    /// <summary>Credentials inside the request body (Dukcapil's <c>user_id</c>/<c>password</c>).</summary>
    BodyCredentials,
}
