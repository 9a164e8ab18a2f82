using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MppIntegrationHub.Storage;

/// <summary>Registers feature DbContexts on the hub's one store.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StoreOptions"/> from the <c>Store</c> section (validated on start) and registers
    /// <typeparamref name="TContext"/> as a pooled factory on the configured engine. Every feature context shares the
    /// database; each keeps its own migrations history table.
    /// </summary>
    public static IServiceCollection AddHubDbContext<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        AddStoreOptions(services);
        services.AddPooledDbContextFactory<TContext>((sp, builder) =>
            builder.UseHubStore(sp.GetRequiredService<IOptions<StoreOptions>>().Value, typeof(TContext).Name));
        return services;
    }

    /// <summary>
    /// Like <see cref="AddHubDbContext{TContext}"/> for a model with one migration set per engine: pooled factories of
    /// <typeparamref name="TSqlite"/> and <typeparamref name="TPostgreSql"/>, and an
    /// <see cref="IDbContextFactory{TContext}"/> of <typeparamref name="TContext"/> that picks the configured engine's.
    /// Both share the history table named after <typeparamref name="TContext"/>.
    /// </summary>
    public static IServiceCollection AddHubDbContext<TContext, TSqlite, TPostgreSql>(this IServiceCollection services)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgreSql : TContext
    {
        AddStoreOptions(services);
        var history = typeof(TContext).Name;
        services.AddPooledDbContextFactory<TSqlite>((sp, builder) =>
            builder.UseHubStore(sp.GetRequiredService<IOptions<StoreOptions>>().Value, history));
        services.AddPooledDbContextFactory<TPostgreSql>((sp, builder) =>
            builder.UseHubStore(sp.GetRequiredService<IOptions<StoreOptions>>().Value, history));
        services.AddSingleton<IDbContextFactory<TContext>, EngineDbContextFactory<TContext, TSqlite, TPostgreSql>>();
        return services;
    }

    private static void AddStoreOptions(IServiceCollection services) =>
        services.AddOptions<StoreOptions>()
            .BindConfiguration(StoreOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

    /// <summary>Points a context at the configured engine, with a history table named after the context.</summary>
    public static DbContextOptionsBuilder UseHubStore(this DbContextOptionsBuilder builder, StoreOptions store, string historyTable)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        var history = $"__{historyTable}Migrations";

        // A list in a query (`ids.Contains(x.Id)`) goes as one parameter (a PostgreSQL array, a JSON array on SQLite):
        // one SQL text per query. EF Core 10's default, a parameter per element, compiled a delegate on every
        // execution of such a query (measured: ~0.4 methods jitted and +210 µs per load of the engine's hot path).
        return store.Provider switch
        {
            StoreProvider.PostgreSql => builder.UseNpgsql(store.ConnectionString, o => o.MigrationsHistoryTable(history)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            _ => builder.UseSqlite(EnsureSqliteFolder(store.ConnectionString), o => o.MigrationsHistoryTable(history)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(new SqlitePragmas(store.SqliteSynchronous)),
        };
    }

    // SQLite creates the file on first start but not its folder.
    private static string EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }

        return connectionString;
    }
}
