using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Store;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Audit;

public sealed class AuditGroupCommitTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _database = Path.Combine(Path.GetTempPath(), "hub-audit-tests", $"{Guid.NewGuid():N}.db");
    private readonly WriteProbe _probe = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly List<AuditTrail> _trails = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database)!);
        await using var db = new Contexts(_database).CreateDbContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var trail in _trails)
        {
            await trail.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task AppendAsync_ManyConcurrentAppendsWhileAGroupIsWritten_WritesThemInOneTransactionAndTheChainVerifies()
    {
        var trail = Trail(new Contexts(_database, _probe));
        _probe.HoldFirstWrite();
        var first = trail.AppendAsync(Entry("first"));
        await _probe.FirstWriteStarted.WaitAsync(Patience);

        var queued = Enumerable.Range(0, 50).Select(i => trail.AppendAsync(Entry($"client-{i}"))).ToList();
        Assert.DoesNotContain(queued, t => t.IsCompleted);
        _probe.ReleaseFirstWrite();
        await Task.WhenAll(queued.Append(first)).WaitAsync(Patience);

        Assert.Equal(2, _probe.GroupWrites); // one transaction per group
        var verification = await trail.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(51, verification.RecordsVerified);
        Assert.Equal(["first", .. Enumerable.Range(0, 50).Select(i => $"client-{i}")], await ClientsInSequenceOrderAsync());
    }

    [Fact]
    public async Task AppendAsync_WhenAGroupWriteFails_FailsTheAppendsOfThatGroupOnly()
    {
        var trail = Trail(new Contexts(_database, _probe));
        _probe.HoldFirstWrite();
        var first = trail.AppendAsync(Entry("first"));
        await _probe.FirstWriteStarted.WaitAsync(Patience);
        var failing = Enumerable.Range(0, 10).Select(i => trail.AppendAsync(Entry(i == 3 ? WriteProbe.Unwritable : $"client-{i}"))).ToList();

        _probe.ReleaseFirstWrite();
        await first.WaitAsync(Patience);
        foreach (var append in failing)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => append.WaitAsync(Patience));
        }

        await trail.AppendAsync(Entry("later")).WaitAsync(Patience);

        var verification = await trail.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(["first", "later"], await ClientsInSequenceOrderAsync());
    }

    [Fact]
    public async Task AppendAsync_LargeGroup_GoesInStatementsOfAFewHundredParametersInOneTransaction()
    {
        var trail = Trail(new Contexts(_database, _probe));

        await trail.AppendAsync([.. Enumerable.Range(0, 1_000).Select(i => Entry($"client-{i}"))]).WaitAsync(Patience);

        Assert.Equal(1, _probe.GroupWrites);
        Assert.True(_probe.Inserts > 1);
        Assert.InRange(_probe.MostParameters, 1, 200);
        var verification = await trail.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(1_000, verification.RecordsVerified);
    }

    [Fact]
    public async Task AppendAsync_LargeGroupWhoseLastStatementFails_WritesNoneOfIt()
    {
        var trail = Trail(new Contexts(_database, _probe));
        var entries = Enumerable.Range(0, 1_000).Select(i => Entry(i == 999 ? WriteProbe.Unwritable : $"client-{i}")).ToList();

        await Assert.ThrowsAsync<InvalidOperationException>(() => trail.AppendAsync(entries).WaitAsync(Patience));

        Assert.True(_probe.Inserts > 1);
        Assert.Empty(await ClientsInSequenceOrderAsync());
    }

    [Fact]
    public async Task AppendAsync_FromTwoProcessesAtOnce_KeepsOneVerifiableChainWithEveryRecord()
    {
        // Two trails with their own queues on one database: what two hub processes on a shared store do.
        var one = Trail(new Contexts(_database));
        var other = Trail(new Contexts(_database));

        var appends = Enumerable.Range(0, 100).SelectMany(i => new[]
        {
            Task.Run(() => one.AppendAsync(Entry($"one-{i}"))),
            Task.Run(() => other.AppendAsync(Entry($"other-{i}"))),
        });
        await Task.WhenAll(appends).WaitAsync(Patience);

        var verification = await one.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(200, verification.RecordsVerified);
        var clients = await ClientsInSequenceOrderAsync();
        Assert.Equal(100, clients.Count(c => c.StartsWith("one-", StringComparison.Ordinal)));
        Assert.Equal(100, clients.Count(c => c.StartsWith("other-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AppendAsync_FromTwoProcessesTakingTurns_RechainsOnceEachThenReadsTheTailBeforeEveryWrite()
    {
        var one = Trail(new Contexts(_database, _probe));
        var other = Trail(new Contexts(_database, _probe));

        for (var i = 0; i < 5; i++)
        {
            await one.AppendAsync(Entry($"one-{i}")).WaitAsync(Patience);
            await other.AppendAsync(Entry($"other-{i}")).WaitAsync(Patience);
        }

        var verification = await one.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(10, verification.RecordsVerified);
        Assert.Equal(Enumerable.Range(0, 5).SelectMany(i => new[] { $"one-{i}", $"other-{i}" }), await ClientsInSequenceOrderAsync());
        // Each trail chains once onto the tail it remembered, conflicts, and from then on knows to read the tail first.
        Assert.Equal(2, _probe.FailedInserts);
    }

    [Fact]
    public async Task AppendAsync_AloneOnTheStore_ReadsTheTailOnlyForItsFirstWrite()
    {
        var trail = Trail(new Contexts(_database, _probe));

        for (var i = 0; i < 5; i++)
        {
            await trail.AppendAsync(Entry($"client-{i}")).WaitAsync(Patience);
        }

        Assert.Equal(1, _probe.TailReads);
        Assert.Equal(5, _probe.Inserts);
        var verification = await trail.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(5, verification.RecordsVerified);
    }

    [Fact]
    public async Task AppendAsync_KeepsTheWritersConnectionOpenBetweenGroups_AndReplacesItAfterAFailedWrite()
    {
        var connections = new ConnectionProbe();
        var trail = Trail(new Contexts(_database, _probe, connections));

        for (var i = 0; i < 5; i++)
        {
            await trail.AppendAsync(Entry($"client-{i}")).WaitAsync(Patience);
        }

        Assert.Equal((1, 0), (connections.Opened, connections.Closed));

        await Assert.ThrowsAsync<InvalidOperationException>(() => trail.AppendAsync(Entry(WriteProbe.Unwritable)).WaitAsync(Patience));
        Assert.Equal((1, 1), (connections.Opened, connections.Closed));

        await trail.AppendAsync(Entry("later")).WaitAsync(Patience);
        await trail.AppendAsync(Entry("later still")).WaitAsync(Patience);
        Assert.Equal((2, 1), (connections.Opened, connections.Closed));

        await trail.DisposeAsync();
        Assert.Equal((2, 2), (connections.Opened, connections.Closed));
        var verification = await trail.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(7, verification.RecordsVerified);
    }

    [Fact]
    public async Task AppendAsync_WhenTheStoreDropsTheWritersConnection_ReconnectsAndWritesTheGroup()
    {
        var connections = new ConnectionProbe();
        var trail = Trail(new Contexts(_database, _probe, connections));
        await trail.AppendAsync(Entry("before")).WaitAsync(Patience);

        _probe.DropConnectionAtNextInsert();
        await trail.AppendAsync(Entry("after")).WaitAsync(Patience);

        Assert.Equal((2, 1), (connections.Opened, connections.Closed));
        Assert.Equal(2, _probe.Inserts);
        Assert.Equal(["before", "after"], await ClientsInSequenceOrderAsync());
        var verification = await trail.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
    }

    private AuditTrail Trail(Contexts contexts)
    {
        var trail = new AuditTrail(contexts, _clock, Options.Create(new AuditOptions { NikKey = "test-nik-reference-key-0123456789abcdef" }));
        _trails.Add(trail);
        return trail;
    }

    private static AuditEntry Entry(string clientId) =>
        new(clientId, AuditActions.IdentityVerified, DataPurpose.IdentityVerification, TestCitizens.Parse(TestCitizens.Budi), ["fullName"]);

    private async Task<List<string>> ClientsInSequenceOrderAsync()
    {
        await using var db = new Contexts(_database).CreateDbContext();
        return await db.AuditRecords.OrderBy(r => r.Sequence).Select(r => r.ClientId).ToListAsync();
    }

    private sealed class Contexts(string database, params IInterceptor[] interceptors) : IDbContextFactory<HubApiDbContext>
    {
        private readonly DbContextOptions<SqliteHubApiDbContext> _options = new DbContextOptionsBuilder<SqliteHubApiDbContext>()
            .UseSqlite($"Data Source={database}").AddInterceptors(interceptors).Options;

        public HubApiDbContext CreateDbContext() => new SqliteHubApiDbContext(_options);
    }

    /// <summary>Counts the connections the trail's contexts open and close.</summary>
    private sealed class ConnectionProbe : DbConnectionInterceptor
    {
        private int _opened;
        private int _closed;

        public int Opened => Volatile.Read(ref _opened);

        public int Closed => Volatile.Read(ref _closed);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _opened);
            return Task.CompletedTask;
        }

        public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
        {
            Interlocked.Increment(ref _closed);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Counts audit inserts (done and failed) and tail reads; can hold the first insert open, refuses to write a record
    /// of <see cref="Unwritable"/>, and can fail one insert as a store that dropped the connection does.
    /// </summary>
    private sealed class WriteProbe : DbCommandInterceptor
    {
        public const string Unwritable = "unwritable";
        private const string AuditTable = "\"ApiAuditRecords\"";
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _writes;
        private int _inserts;
        private int _failedInserts;
        private int _tailReads;
        private int _groupWrites;
        private int _mostParameters;
        private bool _hold;
        private int _dropConnection;
        private readonly HashSet<DbTransaction> _transactions = [];

        public Task FirstWriteStarted => _started.Task;

        public int Inserts => Volatile.Read(ref _inserts);

        public int FailedInserts => Volatile.Read(ref _failedInserts);

        public int TailReads => Volatile.Read(ref _tailReads);

        /// <summary>Transactions that inserted audit records (a statement outside one is its own).</summary>
        public int GroupWrites => Volatile.Read(ref _groupWrites);

        public int MostParameters => Volatile.Read(ref _mostParameters);

        public void HoldFirstWrite() => _hold = true;

        public void ReleaseFirstWrite() => _release.TrySetResult();

        public void DropConnectionAtNextInsert() => Volatile.Write(ref _dropConnection, 1);

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!IsAuditInsert(command))
            {
                return result;
            }

            if (Interlocked.Increment(ref _writes) == 1 && _hold)
            {
                _started.TrySetResult();
                await _release.Task;
            }

            if (command.Parameters.Cast<DbParameter>().Any(p => Unwritable.Equals(p.Value)))
            {
                throw new InvalidOperationException("The store refused this write.");
            }

            if (Interlocked.Exchange(ref _dropConnection, 0) == 1)
            {
                // What a restarted server's broken connection raises: a DbException, as a sequence conflict does.
                throw new SqliteException("The connection to the store was lost.", 10);
            }

            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (IsAuditInsert(command))
            {
                Interlocked.Increment(ref _inserts);
                lock (_transactions)
                {
                    _mostParameters = Math.Max(_mostParameters, command.Parameters.Count);
                    if (command.Transaction is null || _transactions.Add(command.Transaction))
                    {
                        _groupWrites++;
                    }
                }
            }

            return ValueTask.FromResult(result);
        }

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            if (IsAuditInsert(command))
            {
                Interlocked.Increment(ref _failedInserts);
            }

            return Task.CompletedTask;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM " + AuditTable, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _tailReads);
            }

            return ValueTask.FromResult(result);
        }

        private static bool IsAuditInsert(DbCommand command) => command.CommandText.StartsWith("INSERT INTO " + AuditTable, StringComparison.Ordinal);
    }
}
