using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Orchestration.Persistence;
using Npgsql;

namespace MppIntegrationHub.Orchestration.Benchmarks;

/// <summary>The benchmark's scratch store: a SQLite file in a temporary folder, or a database of its own on a PostgreSQL server.</summary>
internal sealed class BenchmarkStore : IAsyncDisposable
{
    private readonly Func<ValueTask> _drop;

    private BenchmarkStore(string description, Dictionary<string, string?> configuration, string sizeMeasure, Func<IDbContextFactory<WorkflowDbContext>, Task<long>> bytes, Func<ValueTask> drop)
    {
        Description = description;
        Configuration = configuration;
        SizeMeasure = sizeMeasure;
        BytesAsync = bytes;
        _drop = drop;
    }

    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    public string Description { get; }

    public Dictionary<string, string?> Configuration { get; }

    public string SizeMeasure { get; }

    public Func<IDbContextFactory<WorkflowDbContext>, Task<long>> BytesAsync { get; }

    public static BenchmarkStore Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mpp-orch-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "hub.db");
        return new BenchmarkStore(
            "SQLite",
            new() { ["Store:ConnectionString"] = $"Data Source={database}" },
            "SQLite file growth",
            _ => Task.FromResult(new[] { database, database + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length)),
            () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return ValueTask.CompletedTask;
            });
    }

    public static async Task<BenchmarkStore> PostgreSqlAsync(string server)
    {
        var name = "orch_bench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 64 }.ConnectionString;
        return new BenchmarkStore(
            "PostgreSQL",
            new() { ["Store:Provider"] = "PostgreSql", ["Store:ConnectionString"] = connectionString },
            "growth of the database, pg_database_size after VACUUM",
            async contexts =>
            {
                await using var db = await contexts.CreateDbContextAsync();
                return await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
            },
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            });
    }

    /// <summary>Settles the files before a size reading: checkpoint the SQLite WAL, vacuum PostgreSQL's dead rows.</summary>
    public static async Task CompactAsync(IDbContextFactory<WorkflowDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "PRAGMA wal_checkpoint(TRUNCATE);" : "VACUUM;");
    }

    public ValueTask DisposeAsync() => _drop();
}
