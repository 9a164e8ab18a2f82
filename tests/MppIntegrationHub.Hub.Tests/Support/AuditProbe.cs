using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Hub.Store;

namespace MppIntegrationHub.Hub.Tests.Support;

internal static class AuditProbe
{
    /// <summary>Whether the operator client's <paramref name="action"/> on <paramref name="resource"/> is in the audit trail.</summary>
    public static async Task<bool> OperatorAuditedAsync(this HubFactory hub, string action, string resource)
    {
        var contexts = hub.Services.GetRequiredService<IDbContextFactory<HubApiDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.AuditRecords.AnyAsync(r => r.Action == action && r.Resource == resource && r.ClientId == HubFactory.Operator);
    }
}
