using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Hub.Health;

/// <summary>Writes a health report as JSON: the overall status and each check's status, description and data.</summary>
public static class HealthReportJson
{
    public const string ContentType = "application/json";

    /// <summary>A <c>HealthCheckOptions.ResponseWriter</c> for operators and orchestrators that read more than the status.</summary>
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(report);
        var body = new HealthReportBody(
            Name(report.Status),
            report.TotalDuration,
            report.Entries.ToDictionary(
                e => e.Key,
                e => new HealthEntryBody(Name(e.Value.Status), e.Value.Description, e.Value.Duration, e.Value.Data.Count == 0 ? null : e.Value.Data),
                StringComparer.Ordinal));
        http.Response.ContentType = ContentType;
        return JsonSerializer.SerializeAsync(http.Response.Body, body, HubJson.Options, http.RequestAborted);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    private sealed record HealthReportBody(string Status, TimeSpan TotalDuration, IReadOnlyDictionary<string, HealthEntryBody> Checks);

    private sealed record HealthEntryBody(string Status, string? Description, TimeSpan Duration, IReadOnlyDictionary<string, object>? Data);
}
