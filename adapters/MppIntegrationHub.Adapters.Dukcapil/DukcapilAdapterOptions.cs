using MppIntegrationHub.Adapters.Manifests;

namespace MppIntegrationHub.Adapters.Dukcapil;

/// <summary>The Dukcapil adapter's manifest and credentials.</summary>
public sealed class DukcapilAdapterOptions : AdapterManifest
{
    /// <summary>The institution's customer id in the <c>get_json/{CUSTOMER_ID}</c> path.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>Registry user (<c>user_id</c> in the body).</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>Registry password (<c>password</c> in the body).</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>The caller IP on Dukcapil's allow-list (<c>IP_USER</c>).</summary>
    public string IpUser { get; set; } = string.Empty;

    /// <summary>Fuzzy-match threshold (<c>TRESHOLD</c>) for free-text elements, 1-100.</summary>
    public int MatchThreshold { get; set; } = 80;

    /// <summary><c>X-Api-Key</c> of the e-KTP replacement API.</summary>
    public string ApiKey { get; set; } = string.Empty;

    protected override void CollectErrors(ICollection<string> errors)
    {
        base.CollectErrors(errors);
        Require(errors, !string.IsNullOrWhiteSpace(CustomerId), $"{nameof(CustomerId)} is required.");
        Require(errors, !string.IsNullOrWhiteSpace(UserId), $"{nameof(UserId)} is required.");
        Require(errors, !string.IsNullOrWhiteSpace(Password), $"{nameof(Password)} is required.");
        Require(errors, !string.IsNullOrWhiteSpace(IpUser), $"{nameof(IpUser)} is required.");
        Require(errors, MatchThreshold is >= 1 and <= 100, $"{nameof(MatchThreshold)} must be between 1 and 100.");
        Require(errors, !string.IsNullOrWhiteSpace(ApiKey), $"{nameof(ApiKey)} is required.");
    }
}
