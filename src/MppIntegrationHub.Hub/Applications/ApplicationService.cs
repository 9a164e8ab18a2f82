using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Store;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Operations;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Hub.Applications;

/// <summary>Submits, reads and cancels a client's applications on the orchestrator; a client only ever reaches its own.</summary>
public sealed class ApplicationService(
    IDbContextFactory<HubApiDbContext> apiContexts,
    IDbContextFactory<WorkflowDbContext> workflowContexts,
    WorkflowEngine engine,
    WorkflowOperations operations,
    AuditTrail audit,
    TimeProvider clock)
{
    /// <summary>
    /// How long a claimed key may wait for its submission to commit. A claim older than this whose application does
    /// not exist was abandoned (the process died between claiming the key and the engine's commit): the next request
    /// with the same key and body takes it over and submits under the same application id.
    /// </summary>
    public static readonly TimeSpan AbandonedClaimAfter = TimeSpan.FromMinutes(2);

    /// <summary>Accepts the application once per <paramref name="idempotencyKey"/>; the same key with the same body answers the first application again.</summary>
    public async Task<SubmitOutcome> SubmitAsync(string clientId, string idempotencyKey, SubmitApplicationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = RequestHash(request);
        await using var db = await apiContexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.IdempotencyRecords
            .SingleOrDefaultAsync(r => r.ClientId == clientId && r.Key == idempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return await ReplayAsync(db, existing, hash, request, cancellationToken);
        }

        // The application id is recorded with the key before the engine commits, so a crash in between is recoverable.
        var now = clock.GetUtcNow();
        var record = new IdempotencyRecord
        {
            ClientId = clientId, Key = idempotencyKey, RequestHash = hash, CreatedAt = now, ApplicationId = Guid.CreateVersion7(now),
        };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request with the same key claimed it first.
            await using var again = await apiContexts.CreateDbContextAsync(cancellationToken);
            var winner = await again.IdempotencyRecords
                .SingleAsync(r => r.ClientId == clientId && r.Key == idempotencyKey, cancellationToken);
            return await ReplayAsync(again, winner, hash, request, cancellationToken);
        }

        return await SubmitClaimedAsync(db, record, request, cancellationToken);
    }

    /// <summary>The application if <paramref name="clientId"/> submitted it; null otherwise, whether or not it exists.</summary>
    public async Task<ServiceApplication?> FindAsync(string clientId, Guid id, CancellationToken cancellationToken) =>
        await IsOwnAsync(clientId, id, cancellationToken) ? await engine.GetAsync(id, cancellationToken) : null;

    public async Task<ApplicationPage> ListAsync(string clientId, ApplicationStatus? status, string? serviceCode, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await workflowContexts.CreateDbContextAsync(cancellationToken);
        var query = db.Applications.AsNoTracking().Where(a => a.ClientId == clientId);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (serviceCode is not null)
        {
            query = query.Where(a => a.ServiceCode == serviceCode);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new ApplicationSummary(a.Id, a.ServiceCode, a.Status, a.SubmittedAt, a.UpdatedAt, a.StatusReason, a.CompletedAt))
            .ToListAsync(cancellationToken);
        return new ApplicationPage(items, page, pageSize, total);
    }

    /// <summary>Cancels the client's own application: null when it has none with that id, false when it is already finished.</summary>
    public async Task<bool?> CancelAsync(string clientId, Guid id, CancellationToken cancellationToken)
    {
        if (!await IsOwnAsync(clientId, id, cancellationToken))
        {
            return null;
        }

        var cancelled = await operations.CancelAsync(id, "requested by the portal", clientId, cancellationToken);
        if (cancelled)
        {
            await audit.AppendAsync(new AuditEntry(clientId, AuditActions.ApplicationCancelled, null, null, ["status"], id.ToString()), cancellationToken);
        }

        return cancelled;
    }

    private async Task<bool> IsOwnAsync(string clientId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await workflowContexts.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AnyAsync(a => a.Id == id && a.ClientId == clientId, cancellationToken);
    }

    private async Task<SubmitOutcome> SubmitClaimedAsync(HubApiDbContext db, IdempotencyRecord record, SubmitApplicationRequest request, CancellationToken cancellationToken)
    {
        ServiceApplication application;
        try
        {
            application = await engine.SubmitAsync(request, record.ClientId, record.ApplicationId, cancellationToken);
        }
        catch (Exception exception) when (exception is ApplicationInputException or Contracts.Errors.AgencyException or OperationCanceledException)
        {
            // Nothing stored half-way: the key is free again for a corrected request.
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        await audit.AppendAsync(
            new AuditEntry(record.ClientId, AuditActions.ApplicationSubmitted, ServicePurposes.For(request.ServiceCode), request.Nik,
                ["serviceCode", .. request.Inputs.Keys.Order(StringComparer.Ordinal).Select(k => $"inputs.{k}")], application.Id.ToString()),
            CancellationToken.None);
        return new SubmitOutcome(SubmitResult.Created, application);
    }

    private async Task<SubmitOutcome> ReplayAsync(
        HubApiDbContext db, IdempotencyRecord record, string hash, SubmitApplicationRequest request, CancellationToken cancellationToken)
    {
        if (record.RequestHash != hash)
        {
            return new SubmitOutcome(SubmitResult.KeyReusedWithDifferentBody, null);
        }

        if (record.ApplicationId is { } id && await engine.GetAsync(id, cancellationToken) is { } application)
        {
            return new SubmitOutcome(SubmitResult.Replayed, application);
        }

        var claimedAt = record.CreatedAt;
        if (clock.GetUtcNow() - claimedAt < AbandonedClaimAfter)
        {
            return new SubmitOutcome(SubmitResult.InProgress, null);
        }

        // Take over the abandoned claim; of several requests doing so at once only the one whose update lands submits.
        var now = clock.GetUtcNow();
        var takenOver = await db.IdempotencyRecords
            .Where(r => r.ClientId == record.ClientId && r.Key == record.Key && r.CreatedAt == claimedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, now).SetProperty(r => r.ApplicationId, r => r.ApplicationId ?? Guid.CreateVersion7(now)), cancellationToken);
        if (takenOver == 0)
        {
            return new SubmitOutcome(SubmitResult.InProgress, null);
        }

        var claimed = await db.IdempotencyRecords.AsNoTracking()
            .SingleAsync(r => r.ClientId == record.ClientId && r.Key == record.Key, cancellationToken);
        db.ChangeTracker.Clear();
        db.Attach(claimed);
        return await SubmitClaimedAsync(db, claimed, request, cancellationToken);
    }

    private static string RequestHash(SubmitApplicationRequest request)
    {
        // Canonical form: the typed request re-serialised with inputs in key order, so whitespace and property order do not count.
        var canonical = request with { Inputs = new SortedDictionary<string, JsonElement>(request.Inputs.ToDictionary(), StringComparer.Ordinal) };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical, HubJson.Options)));
    }
}

public enum SubmitResult
{
    Created,
    Replayed,
    KeyReusedWithDifferentBody,
    InProgress,
}

public sealed record SubmitOutcome(SubmitResult Result, ServiceApplication? Application);
