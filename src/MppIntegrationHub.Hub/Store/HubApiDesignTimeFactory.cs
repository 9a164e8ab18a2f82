using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Hub.Store;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the context without starting the hub. Migrations are generated for
/// PostgreSQL: its column types are also valid SQLite declarations, so one migration history serves both engines.
/// </summary>
public sealed class HubApiDesignTimeFactory : IDesignTimeDbContextFactory<HubApiDbContext>
{
    public HubApiDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HubApiDbContext>();
        options.UseHubStore(new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = "Host=127.0.0.1;Database=design" }, nameof(HubApiDbContext));
        return new HubApiDbContext(options.Options);
    }
}
