using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Hub.Auth;
using MppIntegrationHub.Hub.Citizens;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Store;

namespace MppIntegrationHub.Hub.Audit;

/// <summary>Maps the audit chain (auditors) and the citizen's access log (data subjects, through their portal).</summary>
public static class AuditApi
{
    private const int MaxPage = 500;

    /// <summary>Registers the audit trail with its validated options (<c>Hub:Audit</c>).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services.AddSingleton<AuditTrail>();
    }

    /// <summary><c>GET /audit</c>, <c>GET /audit/verification</c> (scope <c>audit.read</c>) and <c>GET /citizens/{nik}/access-log</c> (scope <c>access-log.read</c>).</summary>
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(HubScopes.Policy(HubScopes.Audit));
        audit.MapGet("/", ListAsync).WithName("ListAuditRecords").WithSummary("Read the audit chain in sequence order")
            .WithDescription("Paged by sequence number; NIKs appear only as keyed references.");
        audit.MapGet("/verification", VerifyAsync).WithName("VerifyAuditChain")
            .WithSummary("Verify the audit chain").WithDescription("Recomputes every hash and link; names the first record that does not hold.");
        api.MapGet("/citizens/{nik}/access-log", AccessLogAsync).WithTags("Citizens").WithName("GetCitizenAccessLog")
            .RequireAuthorization(HubScopes.Policy(HubScopes.AccessLog))
            .WithSummary("A citizen's access log")
            .WithDescription("Who read or changed the citizen's data, when, why and which fields, newest first (UU 27/2022 right of access).");
        return api;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        IDbContextFactory<HubApiDbContext> contexts, HttpContext http, long after = 0, int limit = 100)
    {
        if (limit is < 1 or > MaxPage || after < 0)
        {
            return HubProblems.Validation(new Dictionary<string, string[]> { ["limit"] = [$"limit is 1-{MaxPage}; after is 0 or more."] });
        }

        await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
        var records = await db.AuditRecords.AsNoTracking().Where(a => a.Sequence > after).OrderBy(a => a.Sequence).Take(limit)
            .ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new AuditPage([.. records.Select(AuditRecordView.From)], records.Count == limit ? records[^1].Sequence : null));
    }

    private static async Task<Ok<AuditChainVerification>> VerifyAsync(AuditTrail trail, HttpContext http) =>
        TypedResults.Ok(await trail.VerifyAsync(http.RequestAborted));

    private static async Task<Results<Ok<AccessLogPage>, ValidationProblem>> AccessLogAsync(
        string nik, AuditTrail trail, IDbContextFactory<HubApiDbContext> contexts, TimeProvider clock, HttpContext http, long? before = null, int limit = 100)
    {
        var (parsed, problem) = CitizenAccess.ParseNik(nik, clock);
        if (parsed is not { } citizen)
        {
            return problem!;
        }

        if (limit is < 1 or > MaxPage)
        {
            return HubProblems.Validation(new Dictionary<string, string[]> { ["limit"] = [$"limit is 1-{MaxPage}."] });
        }

        var reference = trail.NikReference(citizen);
        await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
        var records = await db.AuditRecords.AsNoTracking()
            .Where(a => a.NikReference == reference && (before == null || a.Sequence < before))
            .OrderByDescending(a => a.Sequence).Take(limit)
            .ToListAsync(http.RequestAborted);
        var entries = records.Select(r => new AccessLogEntry(r.Sequence, r.OccurredAt, r.ClientId, r.Action, AuditFields.Split(r.Fields), r.Purpose)).ToList();
        return TypedResults.Ok(new AccessLogPage(entries, records.Count == limit ? records[^1].Sequence : null));
    }
}
