using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>
/// Deletes sent outbox rows by id in one plain statement (<c>IN</c> a parameter list). EF's <c>ExecuteDelete</c> of
/// <c>ids.Contains(id)</c> runs its query pipeline (expression tree, cache lookup, parameter extraction) on every
/// relay pass, a noticeable share of the relay's CPU.
/// </summary>
internal static class OutboxDeletes
{
    public static async Task DeleteAsync(WorkflowDbContext db, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var key = sql.DelimitIdentifier(entity.FindPrimaryKey()!.Properties[0].GetColumnName());
        var idsPerStatement = StatementParameters.MaxFor(db.Database);
        for (var start = 0; start < ids.Count; start += idsPerStatement)
        {
            var chunk = ids.Skip(start).Take(idsPerStatement).Cast<object>().ToList();
            var placeholders = string.Join(", ", Enumerable.Range(0, chunk.Count).Select(i => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
            var statement = "DELETE FROM " + table + " WHERE " + key + " IN (" + placeholders + ")"; // identifiers from the model, values as parameters
            await db.Database.ExecuteSqlRawAsync(statement, chunk, cancellationToken);
        }
    }
}
