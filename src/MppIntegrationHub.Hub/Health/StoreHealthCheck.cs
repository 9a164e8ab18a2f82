using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MppIntegrationHub.Hub.Store;

namespace MppIntegrationHub.Hub.Health;

/// <summary>Ready when the hub's store answers a round trip (SQLite file or PostgreSQL server).</summary>
internal sealed class StoreHealthCheck(IDbContextFactory<HubApiDbContext> contexts) : IHealthCheck
{
    public const string Name = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName} answers")
                : new HealthCheckResult(context.Registration.FailureStatus, $"{db.Database.ProviderName} does not answer");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The store cannot be reached", exception);
        }
    }
}
