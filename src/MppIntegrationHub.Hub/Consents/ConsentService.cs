using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Store;

namespace MppIntegrationHub.Hub.Consents;

/// <summary>Records, revokes and looks up consents; a client only ever sees the consents it recorded.</summary>
public sealed class ConsentService(IDbContextFactory<HubApiDbContext> contexts, AuditTrail audit, TimeProvider clock)
{
    /// <summary>
    /// Expiry times of the client's unrevoked consents of the citizen that name the purpose (<c>,name,</c>: the stored
    /// list is comma-separated). Compiled once: every citizen-data read runs it. Expiry is compared here, not in SQL,
    /// because SQLite cannot compare timestamps with offsets; the caller stops at the first unexpired one.
    /// </summary>
    private static readonly Func<HubApiDbContext, string, string, string, IAsyncEnumerable<DateTimeOffset>> ExpiriesOfConsentsNaming =
        EF.CompileAsyncQuery((HubApiDbContext db, string clientId, string nik, string delimitedPurpose) => db.Consents.AsNoTracking()
            .Where(c => c.ClientId == clientId && c.Nik == nik && c.RevokedAt == null && ("," + c.Purposes + ",").Contains(delimitedPurpose))
            .Select(c => c.ExpiresAt));

    /// <summary>Field errors of a consent request, empty when it may be recorded.</summary>
    public Dictionary<string, string[]> Validate(ConsentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (request.Purposes.Count == 0 || request.Purposes.Distinct().Count() != request.Purposes.Count)
        {
            errors["purposes"] = ["Name at least one purpose, each once."];
        }

        if (request.ExpiresAt <= now || request.ExpiresAt > now + ConsentRules.MaxDuration)
        {
            errors["expiresAt"] = [$"A consent expires in the future and within {ConsentRules.MaxDuration.TotalDays} days."];
        }

        if (string.IsNullOrWhiteSpace(request.EvidenceReference) || request.EvidenceReference.Length > ConsentRules.MaxEvidenceLength
            || request.EvidenceReference.Any(char.IsControl))
        {
            errors["evidenceReference"] = [$"A reference of 1-{ConsentRules.MaxEvidenceLength} printable characters is required."];
        }

        return errors;
    }

    public async Task<Consent> RecordAsync(string clientId, ConsentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = new ConsentRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Nik = request.Nik.Value,
            ClientId = clientId,
            Purposes = string.Join(',', request.Purposes.Select(PurposeNames.Format)),
            GrantedAt = clock.GetUtcNow(),
            ExpiresAt = request.ExpiresAt,
            EvidenceReference = request.EvidenceReference,
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Consents.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        await audit.AppendAsync(
            new AuditEntry(clientId, AuditActions.ConsentRecorded, null, request.Nik, ["purposes", "expiresAt"], record.Id.ToString()),
            cancellationToken);
        return record.ToContract(request.Nik);
    }

    /// <summary>The consent if <paramref name="clientId"/> recorded it; null otherwise, whether or not it exists.</summary>
    public async Task<Consent?> FindAsync(string clientId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Consents.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.ClientId == clientId, cancellationToken);
        return record is null ? null : record.ToContract(Nik.Parse(record.Nik, DateOnly.FromDateTime(record.GrantedAt.UtcDateTime)));
    }

    /// <summary>Revokes the client's own consent; false when it has none with that id.</summary>
    public async Task<bool> RevokeAsync(string clientId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Consents.SingleOrDefaultAsync(c => c.Id == id && c.ClientId == clientId, cancellationToken);
        if (record is null)
        {
            return false;
        }

        if (record.RevokedAt is null)
        {
            record.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            var nik = Nik.Parse(record.Nik, DateOnly.FromDateTime(record.GrantedAt.UtcDateTime));
            await audit.AppendAsync(new AuditEntry(clientId, AuditActions.ConsentRevoked, null, nik, ["revokedAt"], record.Id.ToString()), cancellationToken);
        }

        return true;
    }

    /// <summary>Whether the client holds an unrevoked, unexpired consent of the citizen covering <paramref name="purpose"/>.</summary>
    public async Task<bool> IsCoveredAsync(string clientId, Nik nik, DataPurpose purpose, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await foreach (var expiresAt in ExpiriesOfConsentsNaming(db, clientId, nik.Value, $",{PurposeNames.Format(purpose)},").WithCancellation(cancellationToken))
        {
            if (now < expiresAt)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a specific consent of the client covers the citizen and purpose now.</summary>
    public async Task<bool> CoversAsync(string clientId, Guid consentId, Nik nik, DataPurpose purpose, CancellationToken cancellationToken)
    {
        var consent = await FindAsync(clientId, consentId, cancellationToken);
        return consent is not null && consent.Nik == nik && consent.Covers(purpose, clock.GetUtcNow());
    }
}
