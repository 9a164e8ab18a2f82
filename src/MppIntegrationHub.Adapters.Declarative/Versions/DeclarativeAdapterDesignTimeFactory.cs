using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Adapters.Declarative.Versions;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the context. Migrations are generated for PostgreSQL, whose column types
/// SQLite also accepts, so one history serves both engines (as the API's store does).
/// </summary>
public sealed class DeclarativeAdapterDesignTimeFactory : IDesignTimeDbContextFactory<DeclarativeAdapterDbContext>
{
    public DeclarativeAdapterDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DeclarativeAdapterDbContext>();
        options.UseHubStore(new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = "Host=127.0.0.1;Database=design" }, nameof(DeclarativeAdapterDbContext));
        return new DeclarativeAdapterDbContext(options.Options);
    }
}
