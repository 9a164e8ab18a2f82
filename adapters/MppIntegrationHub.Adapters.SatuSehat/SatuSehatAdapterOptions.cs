using MppIntegrationHub.Adapters.Manifests;

namespace MppIntegrationHub.Adapters.SatuSehat;

/// <summary>The SATUSEHAT adapter's manifest and OAuth2 client credentials.</summary>
public sealed class SatuSehatAdapterOptions : AdapterManifest
{
    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>A token is renewed this long before it expires, so no call goes out with a token about to lapse.</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After a refused token request the hub waits this long before asking again (SATUSEHAT allows one a minute).</summary>
    public TimeSpan TokenFailureCooldown { get; set; } = TimeSpan.FromMinutes(1);

    protected override void CollectErrors(ICollection<string> errors)
    {
        base.CollectErrors(errors);
        Require(errors, !string.IsNullOrWhiteSpace(ClientId), $"{nameof(ClientId)} is required.");
        Require(errors, !string.IsNullOrWhiteSpace(ClientSecret), $"{nameof(ClientSecret)} is required.");
        Require(errors, TokenRenewalMargin >= TimeSpan.Zero && TokenRenewalMargin <= TimeSpan.FromMinutes(30), $"{nameof(TokenRenewalMargin)} must be between 0 and 30 minutes.");
        Require(errors, TokenFailureCooldown >= TimeSpan.Zero && TokenFailureCooldown <= TimeSpan.FromMinutes(10), $"{nameof(TokenFailureCooldown)} must be between 0 and 10 minutes.");
    }
}
