namespace MppIntegrationHub.Hub.Hosting;

/// <summary>What one hub process does (configuration <c>Hub:Role</c>); every role runs the same binary.</summary>
public enum HubRole
{
    /// <summary>The API and the workers in one process: the embedded default.</summary>
    All,

    /// <summary>The HTTP API only: submits workflows (state and outbox rows) and publishes callbacks; consumes nothing.</summary>
    Api,

    /// <summary>
    /// The bus consumers, the outbox relay, the due-time scheduler, the lease sweeper and the webhook dispatcher;
    /// of the HTTP surface only <c>/health</c>.
    /// </summary>
    Worker,
}

/// <summary>Reads the role from configuration.</summary>
public static class HubRoles
{
    public const string Key = "Hub:Role";

    /// <summary>The configured role (<see cref="HubRole.All"/> when unset).</summary>
    public static HubRole Of(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue(Key, HubRole.All);
    }

    /// <summary>True when the role serves the public API.</summary>
    public static bool ServesApi(this HubRole role) => role != HubRole.Worker;

    /// <summary>True when the role consumes and schedules work.</summary>
    public static bool ProcessesWork(this HubRole role) => role != HubRole.Api;
}
