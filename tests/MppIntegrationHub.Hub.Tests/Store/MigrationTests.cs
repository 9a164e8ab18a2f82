using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Hub.Store;

namespace MppIntegrationHub.Hub.Tests.Store;

public sealed class MigrationTests
{
    private const string Hint = "Add a migration to both sets: see src/MppIntegrationHub.Hub/Store/README.md";

    [Fact]
    public void HubApiDbContext_ModelOnSqlite_HasNoChangesMissingAMigration()
    {
        using var db = new SqliteHubApiDesignFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), Hint);
    }

    [Fact]
    public void HubApiDbContext_ModelOnPostgreSql_HasNoChangesMissingAMigration()
    {
        using var db = new PostgreSqlHubApiDesignFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), Hint);
    }

    [Fact]
    public void HubApiDbContext_BothEngines_HaveTheSameMigrations()
    {
        using var sqlite = new SqliteHubApiDesignFactory().CreateDbContext([]);
        using var postgreSql = new PostgreSqlHubApiDesignFactory().CreateDbContext([]);

        Assert.Equal(Names(sqlite), Names(postgreSql));
    }

    private static string[] Names(DbContext db) => [.. db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..])];
}
