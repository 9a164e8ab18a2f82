using MppIntegrationHub.Adapters.Declarative.Manifests;

namespace MppIntegrationHub.Adapters.Declarative.Validation;

/// <summary>The manifest read from a submission, or every problem that refuses it, by field.</summary>
public sealed record ManifestValidation(DeclarativeAdapterManifest? Manifest, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Manifest is not null && Errors.Count == 0;
}
