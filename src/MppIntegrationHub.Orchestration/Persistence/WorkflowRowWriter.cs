using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>
/// Writes a commit's application and step rows as plain statements built from the EF model (table, column names
/// and each column's type mapping with its converters, so both engines get what EF itself would send): inserts for
/// new applications, and for the others an update of the columns that changed, the application's guarded by the
/// revision it was read at. EF's change tracking, command ordering and batching cost more CPU per step than the
/// rest of a transition together; these rows need none of it. A guarded update that matches no row (another process
/// moved the application) throws <see cref="DbUpdateConcurrencyException"/>, and the caller's transaction rolls back.
/// On PostgreSQL the statements go as one batch (one round trip); on SQLite, statements of the same text (a group
/// commit's rows mostly change the same columns) reuse one prepared command. The commit's outbox row is a plain
/// insert too, the batch's last statement, returning its generated id.
/// </summary>
internal static class WorkflowRowWriter
{
    // Bounds one round trip's size (a statement has up to ~20 parameters).
    private const int MaxStatementsPerBatch = 500;

    private static readonly ConcurrentDictionary<IModel, Tables> TablesByModel = new();

    /// <summary>Writes the rows, and the outbox row if any (setting its id), inside the context's current transaction.</summary>
    public static async Task WriteAsync(WorkflowDbContext db, IEnumerable<RowChange> changes, OutboxMessage? outbox, CancellationToken cancellationToken = default)
    {
        var tables = TablesByModel.GetOrAdd(db.Model, model => new Tables(model, db.GetService<ISqlGenerationHelper>()));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Workflow rows are written inside a transaction.");
        await using var batch = new Statements(connection, transaction, tables.Sql);
        foreach (var change in changes)
        {
            if (change.Original is null)
            {
                batch.Insert(tables.Applications, change.App);
                foreach (var step in change.App.Steps)
                {
                    batch.Insert(tables.Steps, step);
                }
            }
            else
            {
                batch.Update(tables.Applications, change.App, change.Original, guarded: true);
                foreach (var step in change.App.Steps)
                {
                    var before = change.Original.Steps.Find(s => string.Equals(s.StepId, step.StepId, StringComparison.Ordinal));
                    if (before is null)
                    {
                        batch.Insert(tables.Steps, step);
                    }
                    else
                    {
                        batch.Update(tables.Steps, step, before, guarded: false);
                    }
                }
            }

            if (batch.Count >= MaxStatementsPerBatch)
            {
                await batch.ExecuteAsync(cancellationToken);
            }
        }

        if (outbox is not null)
        {
            batch.InsertReturningKey(tables.Outbox, outbox);
        }

        var key = await batch.ExecuteAsync(cancellationToken);
        if (outbox is not null)
        {
            outbox.Id = key ?? throw new InvalidOperationException("The outbox insert returned no id.");
        }
    }

    private sealed class Tables(IModel model, ISqlGenerationHelper sql)
    {
        public ISqlGenerationHelper Sql { get; } = sql;

        public Table Applications { get; } = new(model.FindEntityType(typeof(WorkflowInstance))!, sql);

        public Table Steps { get; } = new(model.FindEntityType(typeof(WorkflowStepState))!, sql);

        public Table Outbox { get; } = new(model.FindEntityType(typeof(OutboxMessage))!, sql);
    }

    private sealed class Table
    {
        public Table(IEntityType entity, ISqlGenerationHelper sql)
        {
            Name = sql.DelimitIdentifier(entity.GetTableName()!);
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties;
            Columns = [.. entity.GetProperties().Select(p => new Column(p, sql.DelimitIdentifier(p.GetColumnName(table)!), key.Contains(p), p.IsConcurrencyToken))];
        }

        public string Name { get; }

        public Column[] Columns { get; }
    }

    private sealed class Column(IProperty property, string name, bool isKey, bool isToken)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();

        public string Name { get; } = name;

        public bool IsKey { get; } = isKey;

        public bool IsToken { get; } = isToken;

        public RelationalTypeMapping Mapping { get; } = property.GetRelationalTypeMapping();

        public bool IsNullable { get; } = property.IsNullable;

        public object? ValueOf(object row) => _getter.GetClrValueUsingContainingEntity(row);
    }

    // Statements sent together: as one batch (one round trip) where the provider has batches (Npgsql), else one
    // command each (Microsoft.Data.Sqlite, where a command's parameters are looked up in each of its statements),
    // a command per text: Microsoft.Data.Sqlite keeps a command's statements prepared while its text stays the same.
    private sealed class Statements(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql) : IAsyncDisposable
    {
        private readonly DbCommand _parameterFactory = connection.CreateCommand();
        private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
        private readonly List<(string Text, DbParameter[] Parameters, bool ReturnsKey)> _pending = [];
        private readonly StringBuilder _text = new();
        private readonly List<DbParameter> _parameters = [];

        public int Count => _pending.Count;

        public void Insert(Table table, object row)
        {
            AppendInsert(table, table.Columns, row);
            Add();
        }

        /// <summary>An insert of a row whose key the store generates (an identity); <see cref="ExecuteAsync"/> returns the key.</summary>
        public void InsertReturningKey(Table table, object row)
        {
            var key = table.Columns.Single(c => c.IsKey);
            AppendInsert(table, [.. table.Columns.Where(c => c != key)], row);
            _text.Append(" RETURNING ").Append(key.Name);
            Add(returnsKey: true);
        }

        public void Update(Table table, object row, object before, bool guarded)
        {
            var changed = table.Columns.Where(c => !c.IsKey && !Equals(c.ValueOf(row), c.ValueOf(before))).ToList();
            if (changed.Count == 0)
            {
                return;
            }

            _text.Append("UPDATE ").Append(table.Name).Append(" SET ");
            AppendList(changed, c => _text.Append(c.Name).Append(" = ").Append(Value(c, c.ValueOf(row))));
            _text.Append(" WHERE ");
            var conditions = table.Columns.Where(c => c.IsKey || (guarded && c.IsToken)).ToList();
            for (var i = 0; i < conditions.Count; i++)
            {
                var c = conditions[i];
                _text.Append(i == 0 ? string.Empty : " AND ").Append(c.Name).Append(" = ").Append(Parameter(c, c.ValueOf(c.IsKey ? row : before)));
            }

            Add();
        }

        /// <summary>Runs the statements, each of which must touch exactly one row; returns the key a <see cref="InsertReturningKey"/> among them got.</summary>
        public async Task<long?> ExecuteAsync(CancellationToken cancellationToken)
        {
            long? key = null;
            var missed = 0;
            if (_pending.Count == 0)
            {
                return key;
            }

            if (connection.CanCreateBatch)
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var (text, parameters, _) in _pending)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = text;
                    command.Parameters.AddRange(parameters);
                    batch.BatchCommands.Add(command);
                }

                // Only the returning insert yields a row.
                await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
                {
                    do
                    {
                        if (await reader.ReadAsync(cancellationToken))
                        {
                            key = reader.GetInt64(0);
                        }
                    }
                    while (await reader.NextResultAsync(cancellationToken));
                }

                missed = batch.BatchCommands.Count(c => c.RecordsAffected != 1);
            }
            else
            {
                foreach (var (text, parameters, returnsKey) in _pending)
                {
                    var command = Command(text, parameters);
                    if (returnsKey)
                    {
                        key = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                    }
                    else if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
                    {
                        missed++;
                    }
                }
            }

            if (missed > 0)
            {
                throw new DbUpdateConcurrencyException($"{missed} workflow row(s) changed since they were read.");
            }

            _pending.Clear();
            return key;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _commands.Values)
            {
                await command.DisposeAsync();
            }

            await _parameterFactory.DisposeAsync();
        }

        // The command for this text (created once per batch), bound to these parameters.
        private DbCommand Command(string text, DbParameter[] parameters)
        {
            if (!_commands.TryGetValue(text, out var command))
            {
                command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = text;
                _commands[text] = command;
            }

            command.Parameters.Clear();
            command.Parameters.AddRange(parameters);
            return command;
        }

        private void AppendInsert(Table table, IReadOnlyList<Column> columns, object row)
        {
            _text.Append("INSERT INTO ").Append(table.Name).Append(" (");
            AppendList(columns, c => _text.Append(c.Name));
            _text.Append(") VALUES (");
            AppendList(columns, c => _text.Append(Value(c, c.ValueOf(row))));
            _text.Append(')');
        }

        private void Add(bool returnsKey = false)
        {
            _pending.Add((_text.ToString(), [.. _parameters], returnsKey));
            _text.Clear();
            _parameters.Clear();
        }

        // A value to store: nulls (most of a step's columns) go as literals, so a statement binds fewer parameters.
        // Conditions keep parameters: "= NULL" would match nothing.
        private string Value(Column column, object? value) => value is null ? "NULL" : Parameter(column, value);

        private string Parameter(Column column, object? value)
        {
            var name = "p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _parameters.Add(column.Mapping.CreateParameter(_parameterFactory, sql.GenerateParameterName(name), value, column.IsNullable));
            return sql.GenerateParameterNamePlaceholder(name);
        }

        private void AppendList<T>(IReadOnlyList<T> items, Action<T> append)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    _text.Append(", ");
                }

                append(items[i]);
            }
        }
    }
}

/// <summary>An application to write: new (no original) or changed from <paramref name="Original"/>, the rows as read.</summary>
internal sealed record RowChange(WorkflowInstance App, WorkflowInstance? Original);
