using MppIntegrationHub.Adapters.Manifests;

namespace MppIntegrationHub.Adapters.Declarative.Manifests;

/// <summary>
/// An agency adapter described in JSON and registered at run time: who the agency is, where and how to call it, the
/// resilience limits of its pipeline, and one <see cref="DeclarativeOperation"/> per capability it provides.
/// Secrets never travel in a manifest: credentials come from the hub's configuration, by adapter id.
/// </summary>
public sealed record DeclarativeAdapterManifest
{
    /// <summary>Adapter id, unique in the registry (lower-case, digits, dashes), e.g. <c>bpjs-kesehatan</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Agency id; one resilience pipeline per agency.</summary>
    public required string Agency { get; init; }

    /// <summary>Manifest version, <c>major.minor.patch</c>; each registered version must be new.</summary>
    public required string Version { get; init; }

    public string? Description { get; init; }

    /// <summary>Production address of the agency (checked against the hub's allow-list).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Where the registration probe calls the examples; the production address when absent.</summary>
    public Uri? SandboxUrl { get; init; }

    public DeclarativeAuth Auth { get; init; } = new();

    public QuotaSettings Quota { get; init; } = new();

    public TimeoutSettings Timeouts { get; init; } = new();

    public RetrySettings Retry { get; init; } = new();

    public BreakerSettings Breaker { get; init; } = new();

    /// <summary>Largest agency response body the hub reads.</summary>
    public int MaxResponseBytes { get; init; } = 256 * 1024;

    /// <summary>One operation per capability the adapter provides.</summary>
    public required IReadOnlyList<DeclarativeOperation> Operations { get; init; }

    /// <summary>The SDK manifest the registry, health reports and pipeline read.</summary>
    public AdapterManifest ToAdapterManifest(Uri? baseUrl = null)
    {
        var manifest = new AdapterManifest
        {
            Id = Id,
            Agency = Agency,
            Version = Version,
            BaseUrl = baseUrl ?? BaseUrl,
            Auth = Auth.Kind,
            Quota = Quota,
            Timeouts = Timeouts,
            Retry = Retry,
            Breaker = Breaker,
            MaxResponseBytes = MaxResponseBytes,
        };
        foreach (var operation in Operations)
        {
            manifest.Capabilities.Add(operation.Capability);
        }

        return manifest;
    }
}
