using System.Text.RegularExpressions;

namespace MppIntegrationHub.Adapters.Manifests;

/// <summary>
/// What an adapter is and how the hub may call its agency: identity, capabilities, endpoint, authentication and the
/// resilience limits its pipeline is built from. Compiled adapters derive their options from it; declarative adapters
/// (registered at run time from JSON) are described by it alone. Validated on start, every error at once.
/// </summary>
public partial class AdapterManifest
{
    /// <summary>Adapter id, unique in the registry (lower-case, digits, dashes), e.g. <c>dukcapil</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Agency id the adapter speaks to; one resilience pipeline (breaker, limiter) per agency.</summary>
    public string Agency { get; set; } = string.Empty;

    /// <summary>Adapter version, <c>major.minor.patch</c>.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>Capability names the adapter provides.</summary>
    public IList<string> Capabilities { get; } = [];

    /// <summary>Absolute http(s) base address of the agency.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How the adapter authenticates to the agency.</summary>
    public AgencyAuthKind Auth { get; set; } = AgencyAuthKind.None;

    public QuotaSettings Quota { get; set; } = new();

    public TimeoutSettings Timeouts { get; set; } = new();

    public RetrySettings Retry { get; set; } = new();

    public BreakerSettings Breaker { get; set; } = new();

    /// <summary>Largest agency response body the hub reads; bigger answers are refused unread.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>Every rule the manifest breaks; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        CollectErrors(errors);
        return errors;
    }

    /// <summary>Adds the broken rules to <paramref name="errors"/>; derived options add their own after these.</summary>
    protected virtual void CollectErrors(ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Require(errors, IdPattern().IsMatch(Id), $"{nameof(Id)} '{Id}' must be lower-case letters, digits and dashes.");
        Require(errors, IdPattern().IsMatch(Agency), $"{nameof(Agency)} '{Agency}' must be lower-case letters, digits and dashes.");
        Require(errors, System.Version.TryParse(Version, out _), $"{nameof(Version)} '{Version}' must be major.minor[.patch].");
        Require(errors, Capabilities.Count > 0, $"{nameof(Capabilities)} must name at least one capability.");
        foreach (var capability in Capabilities.Where(c => !CapabilityPattern().IsMatch(c)))
        {
            errors.Add($"Capability '{capability}' must be a dotted lower-case name.");
        }

        foreach (var duplicate in Capabilities.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"Capability '{duplicate.Key}' is listed twice.");
        }

        Require(
            errors,
            BaseUrl is { IsAbsoluteUri: true } && (BaseUrl.Scheme == Uri.UriSchemeHttps || BaseUrl.Scheme == Uri.UriSchemeHttp),
            $"{nameof(BaseUrl)} must be an absolute http or https address.");
        Require(errors, MaxResponseBytes is >= 1024 and <= 64 * 1024 * 1024, $"{nameof(MaxResponseBytes)} must be between 1 KB and 64 MB.");
        Quota.CollectErrors(errors);
        Timeouts.CollectErrors(errors);
        Retry.CollectErrors(errors);
        Breaker.CollectErrors(errors);
    }

    protected internal static void Require(ICollection<string> errors, bool condition, string error)
    {
        if (!condition)
        {
            errors.Add(error);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$")]
    private static partial Regex CapabilityPattern();
}
