using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MppIntegrationHub.Adapters.Declarative.Probing;
using MppIntegrationHub.Adapters.Declarative.Runtime;
using MppIntegrationHub.Adapters.Declarative.Validation;
using MppIntegrationHub.Adapters.Declarative.Versions;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Adapters.Declarative;

/// <summary>Registers declarative adapters.</summary>
public static class DeclarativeAdapterServiceCollectionExtensions
{
    /// <summary>
    /// Adds declarative adapters: options from <c>DeclarativeAdapters</c> (allow-list and limits, validated on start),
    /// the adapter registry, the version store on the hub store, validation, the sandbox probe, the catalog, and a
    /// start-up service that migrates the store and activates every stored adapter. Throws when called twice.
    /// </summary>
    public static IServiceCollection AddDeclarativeAdapters(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(DeclarativeAdapterCatalog)))
        {
            throw new InvalidOperationException("AddDeclarativeAdapters was called twice.");
        }

        services.AddOptions<DeclarativeAdapterOptions>()
            .BindConfiguration(DeclarativeAdapterOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAdapterRegistry();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHubDbContext<DeclarativeAdapterDbContext>();
        // Request URIs carry NIKs in their paths: no per-request HttpClient logging (the SDK's redacting logs apply instead).
        services.AddHttpClient(DeclarativeAdapterFactory.HttpClientName).RemoveAllLoggers();
        services.AddSingleton<DeclarativeCredentials>();
        services.AddSingleton<DeclarativeAdapterFactory>();
        services.AddSingleton<BaseUrlPolicy>();
        services.AddSingleton<ManifestValidator>();
        services.AddSingleton<ManifestProbe>();
        services.AddSingleton<DeclarativeAdapterCatalog>();
        services.AddHostedService<DeclarativeAdapterInitializer>();
        return services;
    }
}

/// <summary>Brings the version store up to date and activates the stored adapters before the host serves calls.</summary>
internal sealed class DeclarativeAdapterInitializer(
    IOptions<StoreOptions> store, DeclarativeAdapterCatalog catalog) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Migrations are generated for PostgreSQL (see DeclarativeAdapterDesignTimeFactory); on SQLite the model differs
        // from the snapshot only in provider annotations.
        var options = new DbContextOptionsBuilder<DeclarativeAdapterDbContext>();
        options.UseHubStore(store.Value, nameof(DeclarativeAdapterDbContext))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        await using (var db = new DeclarativeAdapterDbContext(options.Options))
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        await catalog.LoadAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
