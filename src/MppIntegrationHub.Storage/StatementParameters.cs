using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MppIntegrationHub.Storage;

/// <summary>How many parameters one hand-built statement (a multi-row insert, an <c>IN</c> list) should carry.</summary>
public static class StatementParameters
{
    /// <summary>
    /// SQLite binds each named parameter by a linear search of the statement's names, so binding costs the square of
    /// the count: a 10,000-parameter insert took about half a second to bind. A few hundred keep that negligible.
    /// </summary>
    private const int Sqlite = 200;

    /// <summary>PostgreSQL binds by position; this stays well under its limit of 65,535.</summary>
    private const int PostgreSql = 10_000;

    /// <summary>The most parameters a statement on this store should carry.</summary>
    public static int MaxFor(DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.IsSqlite() ? Sqlite : PostgreSql;
    }
}
