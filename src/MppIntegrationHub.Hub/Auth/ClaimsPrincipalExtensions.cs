using System.Security.Claims;
using OpenIddict.Abstractions;

namespace MppIntegrationHub.Hub.Auth;

/// <summary>Reads the calling portal client from an access token's principal.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The client id (the token's subject); endpoints behind authorization always have one.</summary>
    public static string ClientId(this ClaimsPrincipal principal) =>
        principal.GetClaim(OpenIddictConstants.Claims.Subject)
        ?? throw new InvalidOperationException("The access token has no subject.");

    public static bool HasScopeFor(this ClaimsPrincipal principal, string scope) => principal.HasScope(scope);
}
