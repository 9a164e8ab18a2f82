using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MppIntegrationHub.Storage;

/// <summary>
/// Hands out <typeparamref name="TContext"/> on the configured engine: EF Core migrations are provider-specific, so a
/// model kept on both engines has one derived context (and migration set) per engine.
/// </summary>
internal sealed class EngineDbContextFactory<TContext, TSqlite, TPostgreSql>(
    IOptions<StoreOptions> store,
    IDbContextFactory<TSqlite> sqlite,
    IDbContextFactory<TPostgreSql> postgreSql) : IDbContextFactory<TContext>
    where TContext : DbContext
    where TSqlite : TContext
    where TPostgreSql : TContext
{
    private readonly bool _usePostgreSql = store.Value.Provider == StoreProvider.PostgreSql;

    public TContext CreateDbContext() =>
        _usePostgreSql ? postgreSql.CreateDbContext() : sqlite.CreateDbContext();
}

/// <summary>Options for <c>dotnet ef migrations add</c>, which builds a per-engine context without starting the hub.</summary>
public static class StoreDesignTime
{
    /// <summary>Options for <typeparamref name="TContext"/> on <paramref name="provider"/>, with the history table of <paramref name="model"/>.</summary>
    public static DbContextOptions<TContext> Options<TContext>(StoreProvider provider, string model)
        where TContext : DbContext
    {
        var store = provider == StoreProvider.PostgreSql
            ? new StoreOptions { Provider = provider, ConnectionString = "Host=127.0.0.1;Database=design" }
            : new StoreOptions { Provider = provider, ConnectionString = "Data Source=:memory:" };
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.UseHubStore(store, model);
        return builder.Options;
    }
}
