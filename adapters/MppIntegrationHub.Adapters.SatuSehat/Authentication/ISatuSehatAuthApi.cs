using System.Text.Json.Serialization;
using Refit;

namespace MppIntegrationHub.Adapters.SatuSehat.Authentication;

/// <summary>SATUSEHAT's OAuth2 token endpoint (client credentials in a form body).</summary>
public interface ISatuSehatAuthApi
{
    [Post("/oauth2/v1/accesstoken?grant_type=client_credentials")]
    Task<TokenResponse> RequestTokenAsync([Body(BodySerializationMethod.UrlEncoded)] IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken);
}

/// <summary>The token answer; SATUSEHAT writes every value as a string.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] string ExpiresIn,
    [property: JsonPropertyName("issued_at")] string? IssuedAt)
{
    public override string ToString() => "TokenResponse { AccessToken = (secret) }";
}
