using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Hub.Store;

namespace MppIntegrationHub.Hub.Tests.Store;

public sealed class MigrationTests
{
    [Fact]
    public void HubApiDbContext_ModelOnPostgreSql_HasNoChangesMissingAMigration()
    {
        using var db = new HubApiDesignTimeFactory().CreateDbContext([]);

        var pending = db.Database.HasPendingModelChanges();

        Assert.False(pending, "Run: dotnet ef migrations add <Name> --project src/MppIntegrationHub.Hub --output-dir Store/Migrations");
    }
}
