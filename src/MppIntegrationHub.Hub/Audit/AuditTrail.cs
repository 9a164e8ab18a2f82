using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Hub.Consents;
using MppIntegrationHub.Hub.Store;

namespace MppIntegrationHub.Hub.Audit;

/// <summary>Appends to and verifies the hash-chained audit log in the hub store.</summary>
public sealed class AuditTrail(IDbContextFactory<HubApiDbContext> contexts, TimeProvider clock, IOptions<AuditOptions> options) : IDisposable
{
    private const int VerifyBatch = 5_000;
    private const int ConflictRetries = 5;
    private readonly byte[] _nikKey = Encoding.UTF8.GetBytes(options.Value.NikKey);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The keyed, non-reversible reference the chain stores instead of the NIK.</summary>
    public string NikReference(Nik nik) => Convert.ToHexStringLower(HMACSHA256.HashData(_nikKey, Encoding.ASCII.GetBytes(nik.Value)));

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) =>
        AppendAsync([entry], cancellationToken);

    /// <summary>Appends entries in order. One writer per process; the sequence key makes writers in other processes conflict and retry.</summary>
    public async Task AppendAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var last = await db.AuditRecords.AsNoTracking().OrderByDescending(a => a.Sequence)
                    .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
                var (sequence, previous) = last is null ? (0L, AuditChain.Genesis) : (last.Sequence, last.Hash);
                var records = new List<AuditRecord>(entries.Count);
                foreach (var entry in entries)
                {
                    var record = ToRecord(entry, ++sequence, previous);
                    previous = record.Hash;
                    records.Add(record);
                }

                db.AuditRecords.AddRange(records);

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return;
                }
                catch (DbUpdateException) when (attempt < ConflictRetries)
                {
                    // Another process appended first; read the new tail and chain onto it.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
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

    public void Dispose() => _gate.Dispose();

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
