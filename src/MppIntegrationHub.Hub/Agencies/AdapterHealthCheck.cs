using Microsoft.Extensions.Diagnostics.HealthChecks;
using MppIntegrationHub.Adapters.Registry;
using System.Text.Json;

namespace MppIntegrationHub.Hub.Agencies;

/// <summary>
/// Readiness from the adapter registry: healthy when every adapter is enabled with its breaker closed; degraded (with
/// each adapter's state as data) when one is switched off or its agency's breaker is open or probing. Never unhealthy:
/// one agency being down does not stop the hub serving the others.
/// </summary>
public sealed class AdapterHealthCheck(IAdapterRegistry registry) : IHealthCheck
{
    public const string Name = "adapters";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = registry.GetStatuses();
        var data = new Dictionary<string, object>(statuses.Count, StringComparer.Ordinal);
        var notServing = new List<string>();
        foreach (var status in statuses)
        {
            data[status.Id] = new AdapterHealthData(status.Agency, status.Health, Breaker(status.Breaker), status.Enabled, status.RetriesEnabled);
            if (status.Health != AdapterHealth.Healthy)
            {
                notServing.Add($"{status.Id} ({Describe(status)})");
            }
        }

        var result = notServing.Count == 0
            ? HealthCheckResult.Healthy($"All {statuses.Count} adapters are serving.", data)
            : HealthCheckResult.Degraded($"Not serving normally: {string.Join(", ", notServing)}.", data: data);
        return Task.FromResult(result);
    }

    private static string Describe(AdapterStatus status) => status.Health switch
    {
        AdapterHealth.Disabled => "disabled",
        AdapterHealth.Degraded => "breaker half-open",
        _ => "breaker open",
    };

    // Polly's CircuitState by name: the host also sees Polly 7's type of the same name through its dependencies.
    private static string Breaker<TState>(TState state)
        where TState : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(state.ToString());
}

/// <summary>One adapter's entry in the readiness report.</summary>
public sealed record AdapterHealthData(string Agency, AdapterHealth Health, string Breaker, bool Enabled, bool RetriesEnabled);

/// <summary>Registers <see cref="AdapterHealthCheck"/>.</summary>
public static class AdapterHealthCheckExtensions
{
    /// <summary>Adds the adapters' health (switch and breaker per adapter) to readiness; degraded at worst, never unhealthy.</summary>
    public static IHealthChecksBuilder AddAdapterHealthCheck(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<AdapterHealthCheck>(AdapterHealthCheck.Name, HealthStatus.Degraded);
    }
}
