using Microsoft.Extensions.Configuration;

namespace MppIntegrationHub.Adapters.Declarative.Runtime;

/// <summary>
/// Agency secrets of declarative adapters, from configuration section <c>DeclarativeAdapters:Credentials:{adapterId}</c>
/// (<c>ApiKey</c>, <c>ClientId</c>, <c>ClientSecret</c>, <c>User</c>, <c>Password</c>); read per attempt so a rotated
/// secret applies without re-registering.
/// </summary>
public sealed class DeclarativeCredentials(IConfiguration configuration)
{
    public const string Section = "DeclarativeAdapters:Credentials";

    public string Get(string adapterId, string name) =>
        configuration[$"{Section}:{adapterId}:{name}"]
        ?? throw new InvalidOperationException($"Credential '{name}' of declarative adapter '{adapterId}' is not configured.");

    public bool Has(string adapterId, string name) => !string.IsNullOrEmpty(configuration[$"{Section}:{adapterId}:{name}"]);
}
