using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Hub.Auth;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Hub.Store;

/// <summary>Registers the API's DbContext on the hub store and brings its schema and clients up to date at start.</summary>
public static class HubApiStoreExtensions
{
    /// <summary>Adds <see cref="HubApiDbContext"/> (pooled factory, plus a scoped instance for OpenIddict's stores) and the start-up migration.</summary>
    public static IServiceCollection AddHubApiStore(this IServiceCollection services)
    {
        services.AddHubDbContext<HubApiDbContext>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<HubApiDbContext>>().CreateDbContext());
        services.AddHostedService<HubApiInitializer>();
        return services;
    }
}

/// <summary>Applies the API's migrations and seeds the configured portal clients before the server accepts requests.</summary>
internal sealed class HubApiInitializer(IOptions<StoreOptions> store, PortalClientSeeder clients) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Migrations are generated for PostgreSQL (see HubApiDesignTimeFactory), so on SQLite the model always differs
        // from the snapshot in provider annotations; MigrationTests checks the PostgreSQL model has no pending changes instead.
        var options = new DbContextOptionsBuilder<HubApiDbContext>();
        options.UseHubStore(store.Value, nameof(HubApiDbContext))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        await using (await StoreMigrationLock.AcquireAsync(store.Value, cancellationToken))
        await using (var db = new HubApiDbContext(options.Options))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await clients.SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
