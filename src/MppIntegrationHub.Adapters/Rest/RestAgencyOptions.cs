using MppIntegrationHub.Adapters.Manifests;

namespace MppIntegrationHub.Adapters.Rest;

/// <summary>Options of an adapter for one of the designed REST agencies (<c>X-Api-Key</c>, <c>{"kode","pesan"}</c> errors).</summary>
public class RestAgencyOptions : AdapterManifest
{
    public RestAgencyOptions() => Auth = AgencyAuthKind.ApiKey;

    /// <summary>The hub's <c>X-Api-Key</c> at the agency.</summary>
    public string ApiKey { get; set; } = string.Empty;

    protected override void CollectErrors(ICollection<string> errors)
    {
        base.CollectErrors(errors);
        Require(errors, !string.IsNullOrWhiteSpace(ApiKey), $"{nameof(ApiKey)} is required.");
    }
}
