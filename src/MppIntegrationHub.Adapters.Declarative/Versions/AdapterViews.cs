namespace MppIntegrationHub.Adapters.Declarative.Versions;

/// <summary>A declarative adapter as its agency and operators see it.</summary>
public sealed record DeclarativeAdapterView(
    string Id,
    string Agency,
    string ActiveVersion,
    int ActiveSequence,
    bool Enabled,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<DeclarativeAdapterVersionView> Versions);

/// <summary>One registered version.</summary>
public sealed record DeclarativeAdapterVersionView(int Sequence, string Version, DateTimeOffset RegisteredAt, string RegisteredBy, bool Active);

/// <summary>Why a change was refused.</summary>
public enum AdapterChangeFailure
{
    None,

    /// <summary>The manifest breaks the schema or the hub's rules.</summary>
    Invalid,

    /// <summary>The sandbox probe failed.</summary>
    ProbeFailed,

    /// <summary>Another client registered this adapter id.</summary>
    NotOwner,

    /// <summary>This version string is already registered.</summary>
    VersionExists,

    /// <summary>No such adapter, or no earlier version to roll back to.</summary>
    NotFound,
}

/// <summary>The adapter after a change, or why the change was refused, with every problem by field.</summary>
public sealed record AdapterChangeResult(DeclarativeAdapterView? Adapter, AdapterChangeFailure Failure, IReadOnlyDictionary<string, string[]> Errors)
{
    public static AdapterChangeResult Refused(AdapterChangeFailure failure, IReadOnlyDictionary<string, string[]> errors) => new(null, failure, errors);

    public static AdapterChangeResult Refused(AdapterChangeFailure failure, string field, string error) =>
        new(null, failure, new Dictionary<string, string[]> { [field] = [error] });
}
