using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Hub.Consents;
using MppIntegrationHub.Hub.Store;

namespace MppIntegrationHub.Hub.Audit;

/// <summary>
/// Appends to and verifies the hash-chained audit log in the hub store. Appends are group-committed: while one group is
/// being written, concurrent appends queue and are chained and written together in the next transaction. An append
/// returns only once its records are durable, and fails with its group when that write fails.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<HubApiDbContext> contexts, TimeProvider clock, IOptions<AuditOptions> options) : IAsyncDisposable
{
    private const int VerifyBatch = 5_000;

    /// <summary>Each conflict means another process appended, so the chain moved on; a few retries always suffice unless the store is failing.</summary>
    private const int ConflictRetries = 10;

    /// <summary>Entries per transaction: enough to absorb a burst, small enough to keep one commit short.</summary>
    private const int MaxGroupEntries = 512;

    private readonly byte[] _nikKey = Encoding.UTF8.GetBytes(options.Value.NikKey);
    private readonly Lock _queueLock = new();
    private readonly Queue<PendingAudit> _queue = new();

    /// <summary>True while a writer owns the queue; whenever the queue holds appends, a writer does.</summary>
    private bool _writing;

    /// <summary>The last link this process wrote; only the writer (one at a time, handed over under the queue lock) touches it.</summary>
    private AuditTail? _tail;

    /// <summary>Set once another process was seen appending to the same store: from then on the tail is read before every write.</summary>
    private bool _sharedStore;

    /// <summary>
    /// The writer's context, its connection kept open between groups: opening a pooled SQLite connection re-registers
    /// the engine's functions and closing it unregisters them, a fifth of an audit write's time when the hub is quiet.
    /// Only the writer touches it; a write that fails for any reason discards it, so the next one reconnects.
    /// </summary>
    private HubApiDbContext? _writer;

    /// <summary>The keyed, non-reversible reference the chain stores instead of the NIK.</summary>
    public string NikReference(Nik nik) => Convert.ToHexStringLower(HMACSHA256.HashData(_nikKey, Encoding.ASCII.GetBytes(nik.Value)));

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) =>
        AppendAsync([entry], cancellationToken);

    /// <summary>
    /// Appends entries in order and returns once they are durable. The first append to find no writer writes its
    /// group inline (no thread hop when the hub is quiet); appends arriving meanwhile are written by a background
    /// drain, one transaction per group. Writers in other processes conflict on the sequence key and retry.
    /// </summary>
    public Task AppendAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new PendingAudit(entries);
        bool lead;
        lock (_queueLock)
        {
            _queue.Enqueue(pending);
            lead = !_writing;
            _writing = true;
        }

        return lead ? LeadAsync(pending, cancellationToken) : pending.Durable.WaitAsync(cancellationToken);
    }

    private async Task LeadAsync(PendingAudit own, CancellationToken cancellationToken)
    {
        await WriteNextGroupAsync();
        if (!ReleaseIfIdle())
        {
            // Appends queued while this group was written: a background drain writes them, so this request answers now.
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        await own.Durable.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        do
        {
            await WriteNextGroupAsync();
        }
        while (!ReleaseIfIdle());
    }

    /// <summary>Gives up the writer role when nothing is queued; false when there is more to write.</summary>
    private bool ReleaseIfIdle()
    {
        lock (_queueLock)
        {
            _writing = _queue.Count > 0;
            return !_writing;
        }
    }

    private async Task WriteNextGroupAsync()
    {
        var group = new List<PendingAudit>();
        lock (_queueLock)
        {
            var entries = 0;
            while (_queue.TryPeek(out var next) && (group.Count == 0 || entries + next.Entries.Count <= MaxGroupEntries))
            {
                group.Add(_queue.Dequeue());
                entries += next.Entries.Count;
            }
        }

        try
        {
            await WriteAsync(group);
        }
#pragma warning disable CA1031 // Not swallowed: every append of the group fails with it, and their requests with them.
        catch (Exception e)
#pragma warning restore CA1031
        {
            group.ForEach(p => p.Fail(e));
            return;
        }

        group.ForEach(p => p.Complete());
    }

    /// <summary>
    /// Chains the group onto the tail and writes it in one transaction. The tail is the one this process last wrote,
    /// read from the store only for the first write, to retry a write the store refused, and before every write once
    /// another process was seen appending to the same store. A stale tail cannot fork the chain: its next sequence already exists, so
    /// the write conflicts, and the group is chained again onto the tail re-read.
    /// </summary>
    private async Task WriteAsync(List<PendingAudit> group)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var db = _writer ??= await OpenWriterAsync();
                var tail = _tail;
                if (tail is null || _sharedStore || attempt > 1)
                {
                    var stored = await ReadTailAsync(db);
                    // A tail this process did not write means another one appends too.
                    _sharedStore |= tail is not null && stored != tail;
                    tail = stored;
                }

                var records = Chain(group, tail);
                await AuditRecordInsert.WriteAsync(db, records, CancellationToken.None);
                _tail = new AuditTail(records[^1].Sequence, records[^1].Hash);
                return;
            }
            catch (DbException) when (attempt < ConflictRetries)
            {
                // Most likely another process appended first; the next attempt reads the new tail and chains onto it.
                await CloseWriterAsync();
            }
            catch
            {
                await CloseWriterAsync();
                throw;
            }
        }
    }

    /// <summary>Opens the writer's context and connection; no one request cancels it: the others in the group still need their records.</summary>
    private async Task<HubApiDbContext> OpenWriterAsync()
    {
        var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        try
        {
            await db.Database.OpenConnectionAsync(CancellationToken.None);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private async Task CloseWriterAsync()
    {
        if (_writer is not { } writer)
        {
            return;
        }

        _writer = null;
        await using (writer)
        {
            await writer.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Closes the writer's connection when the host stops (requests, and so appends, have ended by then).</summary>
    public async ValueTask DisposeAsync() => await CloseWriterAsync();

    private static async Task<AuditTail> ReadTailAsync(HubApiDbContext db)
    {
        var last = await db.AuditRecords.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new AuditTail(a.Sequence, a.Hash)).FirstOrDefaultAsync(CancellationToken.None);
        return last ?? new AuditTail(0, AuditChain.Genesis);
    }

    private List<AuditRecord> Chain(List<PendingAudit> group, AuditTail tail)
    {
        var (sequence, previous) = tail;
        var records = new List<AuditRecord>();
        foreach (var entry in group.SelectMany(p => p.Entries))
        {
            var record = ToRecord(entry, ++sequence, previous);
            previous = record.Hash;
            records.Add(record);
        }

        return records;
    }

    /// <summary>Recomputes every link; reports the first record whose content, hash or link does not hold.</summary>
    public async Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var previous = AuditChain.Genesis;
        var expected = 1L;
        while (true)
        {
            var batch = await db.AuditRecords.AsNoTracking().Where(a => a.Sequence >= expected)
                .OrderBy(a => a.Sequence).Take(VerifyBatch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new AuditChainVerification(true, expected - 1);
            }

            foreach (var record in batch)
            {
                var problem = record.Sequence != expected ? "A record is missing before this one."
                    : record.PreviousHash != previous ? "The link to the previous record is broken."
                    : record.Hash != AuditChain.ComputeHash(record) ? "The record's content does not match its hash."
                    : null;
                if (problem is not null)
                {
                    return new AuditChainVerification(false, expected - 1, expected, problem);
                }

                previous = record.Hash;
                expected++;
            }
        }
    }

    private AuditRecord ToRecord(AuditEntry entry, long sequence, string previous)
    {
        var now = clock.GetUtcNow();
        var record = new AuditRecord
        {
            Sequence = sequence,
            // Millisecond precision survives every engine's timestamp type, so the hash still matches when read back.
            OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
            ClientId = entry.ClientId,
            Action = entry.Action,
            Purpose = entry.Purpose is { } purpose ? PurposeNames.Format(purpose) : null,
            NikReference = entry.Nik is { } nik ? NikReference(nik) : null,
            Fields = string.Join(',', entry.Fields),
            Resource = entry.Resource,
            PreviousHash = previous,
            Hash = string.Empty,
        };
        record.Hash = AuditChain.ComputeHash(record);
        return record;
    }
}

/// <summary>Result of walking the audit chain.</summary>
/// <param name="Valid">Whether every record holds.</param>
/// <param name="RecordsVerified">How many records were found sound before the first failure (or in all).</param>
/// <param name="FirstInvalidSequence">Sequence number of the first record that fails.</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record AuditChainVerification(bool Valid, long RecordsVerified, long? FirstInvalidSequence = null, string? Problem = null);

/// <summary>The chain's last link: the next record gets <paramref name="Sequence"/> + 1 and links to <paramref name="Hash"/>.</summary>
internal sealed record AuditTail(long Sequence, string Hash);
