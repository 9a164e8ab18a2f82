using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Hub.Auth;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Hub.Store;

/// <summary>Registers the API's DbContext on the hub store and brings its schema and clients up to date at start.</summary>
public static class HubApiStoreExtensions
{
    /// <summary>
    /// Adds <see cref="HubApiDbContext"/> on the configured engine (pooled factories per engine, plus a scoped
    /// instance for OpenIddict's stores) and the start-up migration.
    /// </summary>
    public static IServiceCollection AddHubApiStore(this IServiceCollection services)
    {
        services.AddHubDbContext<HubApiDbContext, SqliteHubApiDbContext, PostgreSqlHubApiDbContext>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<HubApiDbContext>>().CreateDbContext());
        services.AddHostedService<HubApiInitializer>();
        return services;
    }
}

/// <summary>Applies the API's migrations and seeds the configured portal clients before the server accepts requests.</summary>
internal sealed class HubApiInitializer(
    IOptions<StoreOptions> store, IDbContextFactory<HubApiDbContext> contexts, PortalClientSeeder clients) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (await StoreMigrationLock.AcquireAsync(store.Value, cancellationToken))
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await clients.SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
