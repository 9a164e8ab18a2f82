using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MppIntegrationHub.Hub.Store;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Hub.Audit;

/// <summary>
/// Writes a group of audit records as one multi-row INSERT built from the EF model (table, column names and each
/// column's type mapping, so both engines get what EF itself would send). EF's change tracking and per-row commands
/// cost more CPU than the rest of an append; an append-only chain needs none of it. Groups larger than one statement
/// takes (<see cref="StatementParameters"/>) go in chunks inside one transaction, so a group is still written whole
/// or not at all. A record whose sequence already exists fails the statement: that conflict is how the trail learns
/// another process appended.
/// </summary>
internal static class AuditRecordInsert
{
    private static readonly ConcurrentDictionary<IModel, Table> TablesByModel = new();

    public static async Task WriteAsync(HubApiDbContext db, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        var table = TablesByModel.GetOrAdd(db.Model, model => new Table(model, db.GetService<ISqlGenerationHelper>(), StatementParameters.MaxFor(db.Database)));
        await using var parameterFactory = db.Database.GetDbConnection().CreateCommand();
        var rowsPerStatement = table.RowsPerStatement;
        if (records.Count <= rowsPerStatement)
        {
            await InsertAsync(db, table, parameterFactory, records, cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var start = 0; start < records.Count; start += rowsPerStatement)
        {
            var chunk = records.Skip(start).Take(rowsPerStatement).ToList();
            await InsertAsync(db, table, parameterFactory, chunk, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task InsertAsync(HubApiDbContext db, Table table, DbCommand parameterFactory, IReadOnlyList<AuditRecord> rows, CancellationToken cancellationToken)
    {
        var parameters = new DbParameter[rows.Count * table.Columns.Length];
        var sql = new StringBuilder(table.InsertPrefix);
        for (var row = 0; row < rows.Count; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < table.Columns.Length; column++)
            {
                var index = (row * table.Columns.Length) + column;
                var name = "p" + index.ToString(CultureInfo.InvariantCulture);
                parameters[index] = table.Columns[column].Parameter(parameterFactory, table.Sql.GenerateParameterName(name), rows[row]);
                sql.Append(column == 0 ? string.Empty : ", ").Append(table.Sql.GenerateParameterNamePlaceholder(name));
            }

            sql.Append(')');
        }

        // The text holds only identifiers from the model and parameter placeholders: no value is ever spliced in.
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
    }

    private sealed class Table
    {
        /// <summary>The model is one engine's: the statement size is read once (the engine's name comes from reflection).</summary>
        public Table(IModel model, ISqlGenerationHelper sql, int maxParameters)
        {
            var entity = model.FindEntityType(typeof(AuditRecord))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            Sql = sql;
            Columns = [.. entity.GetProperties().Select(p => new Column(p, sql.DelimitIdentifier(p.GetColumnName(table)!)))];
            RowsPerStatement = maxParameters / Columns.Length;
            InsertPrefix = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", Columns.Select(c => c.Name))}) VALUES ";
        }

        public ISqlGenerationHelper Sql { get; }

        public Column[] Columns { get; }

        public string InsertPrefix { get; }

        public int RowsPerStatement { get; }
    }

    private sealed class Column(IProperty property, string name)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly RelationalTypeMapping _mapping = property.GetRelationalTypeMapping();

        public string Name { get; } = name;

        public DbParameter Parameter(DbCommand factory, string parameterName, AuditRecord record) =>
            _mapping.CreateParameter(factory, parameterName, _getter.GetClrValueUsingContainingEntity(record), property.IsNullable);
    }
}
