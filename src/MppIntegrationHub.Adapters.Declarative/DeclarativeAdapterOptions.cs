using System.ComponentModel.DataAnnotations;

namespace MppIntegrationHub.Adapters.Declarative;

/// <summary>Limits on what agencies may register (configuration section <c>DeclarativeAdapters</c>).</summary>
public sealed class DeclarativeAdapterOptions
{
    public const string Section = "DeclarativeAdapters";

    /// <summary>Hosts adapters may call: exact names or IP literals, or <c>*.domain</c> for a domain's subdomains.</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>
    /// Lets allowed host names resolve to loopback, private, link-local or metadata addresses. Off: an allowed name that
    /// resolves inward is refused (SSRF). An IP literal listed in <see cref="AllowedHosts"/> is always allowed.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    [Range(1024, 4 * 1024 * 1024)]
    public int MaxManifestBytes { get; set; } = 256 * 1024;

    [Range(1, 256)]
    public int MaxOperations { get; set; } = 32;

    [Range(1, 256)]
    public int MaxExamplesPerOperation { get; set; } = 16;

    /// <summary>Path parameters, query parameters and error codes per operation, each.</summary>
    [Range(1, 1024)]
    public int MaxMappingsPerOperation { get; set; } = 32;

    [Range(16, 16 * 1024)]
    public int MaxExpressionLength { get; set; } = 1024;
}
