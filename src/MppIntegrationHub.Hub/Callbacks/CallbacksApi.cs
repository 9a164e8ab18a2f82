using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Store;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Hub.Callbacks;

/// <summary>Maps <c>POST /api/v1/agency-callbacks/{agency}</c>: agencies report case status changes, signed with their own secret.</summary>
public static partial class CallbacksApi
{
    public const string SignatureHeader = "X-Agency-Signature";
    private const int MaxCallbackBytes = 64 * 1024;

    /// <summary>Registers the per-agency callback secrets and replay window (<c>Hub:AgencyCallbacks</c>).</summary>
    public static IServiceCollection AddAgencyCallbacks(this IServiceCollection services)
    {
        services.AddOptions<AgencyCallbackOptions>().BindConfiguration(AgencyCallbackOptions.Section);
        return services;
    }

    /// <summary>The callback endpoint; authenticated by HMAC per agency, not by portal tokens.</summary>
    public static RouteGroupBuilder MapCallbacksApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/agency-callbacks/{agency}", ReceiveAsync).WithTags("Agency callbacks").WithName("ReceiveAgencyCallback")
            .AllowAnonymous()
            .Accepts<JsonElement>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("An agency reports a case status change")
            .WithDescription("Body: the agency's case as its GET answers it. Header X-Agency-Signature: sha256=<hex HMAC-SHA256 of the body "
                + "with the agency's callback secret>. Portal tokens are not accepted here. The waiting application step moves on at once. "
                + "A case the hub does not follow answers 404; the same body again answers 409; a body older than the replay window answers 422; "
                + "503 (with Retry-After) when the hub cannot queue the update now: send the same body again.");
        return api;
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> ReceiveAsync(
        string agency,
        HttpContext http,
        IOptions<AgencyCallbackOptions> options,
        IEnumerable<IAgencyCallbackTranslator> translators,
        IDbContextFactory<HubApiDbContext> hubStore,
        IDbContextFactory<WorkflowDbContext> workflows,
        TimeProvider clock,
        IPublishEndpoint bus,
        AuditTrail audit,
        ILoggerFactory loggers)
    {
        var cancellationToken = http.RequestAborted;
        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return HubProblems.Problem(StatusCodes.Status413PayloadTooLarge, HubProblems.Types.PayloadTooLarge, "Callback too large", $"A callback body is at most {MaxCallbackBytes} bytes.");
        }

        if (!options.Value.Secrets.TryGetValue(agency, out var secret) || !SignatureMatches(secret, body, http.Request.Headers[SignatureHeader].ToString()))
        {
            return HubProblems.Problem(StatusCodes.Status401Unauthorized, HubProblems.Types.SignatureInvalid, "Signature invalid",
                $"Sign the body with the agency's callback secret in {SignatureHeader}: sha256=<hex>.");
        }

        var translator = translators.FirstOrDefault(t => t.Agency == agency);
        var callback = translator is null ? null : Translate(translator, body);
        if (translator is null || callback is null)
        {
            return HubProblems.Problem(StatusCodes.Status422UnprocessableEntity, HubProblems.Types.Validation, "Callback not understood",
                "The body is not a case of this agency.");
        }

        var now = clock.GetUtcNow();
        var window = options.Value.ReplayWindow;
        if (callback.UpdatedAt < now - window)
        {
            return HubProblems.Problem(StatusCodes.Status422UnprocessableEntity, HubProblems.Types.Validation, "Callback too old",
                $"The change is older than the replay window ({window}); the hub polls for it instead.");
        }

        if (!await IsFollowedAsync(workflows, translator.Capability, callback.Reference, cancellationToken))
        {
            // The same answer for a reference that never existed and for one of another agency's steps: nothing is confirmed.
            return HubProblems.Problem(StatusCodes.Status404NotFound, HubProblems.Types.NotFound, "Case not found", "The hub follows no such case of this agency.");
        }

        if (!await RecordReceiptAsync(hubStore, agency, body, callback.Reference, now, window, cancellationToken))
        {
            return HubProblems.Problem(StatusCodes.Status409Conflict, HubProblems.Types.Conflict, "Callback already received",
                "This exact callback was accepted before; a replay is not applied twice.");
        }

        // The receipt stays only once the update is queued: otherwise the agency's retry would be refused as a replay.
        var queued = false;
        try
        {
            queued = await TryQueueAsync(
                bus, new RecordAgencyUpdate(agency, translator.Capability, callback.Reference, callback.Update), options.Value.QueueTimeout, loggers, cancellationToken);
        }
        finally
        {
            if (!queued)
            {
                await ForgetReceiptAsync(hubStore, agency, body, CancellationToken.None);
            }
        }

        if (!queued)
        {
            http.Response.Headers.RetryAfter = "5";
            return HubProblems.Problem(StatusCodes.Status503ServiceUnavailable, HubProblems.Types.Unavailable, "Callback not queued",
                "The hub could not queue the update just now; send the same callback again shortly.");
        }

        await audit.AppendAsync(new AuditEntry($"agency:{agency}", AuditActions.AgencyCallback, null, null, ["status"], callback.Reference), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static AgencyCallback? Translate(IAgencyCallbackTranslator translator, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return translator.Translate(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<bool> IsFollowedAsync(IDbContextFactory<WorkflowDbContext> workflows, string capability, string reference, CancellationToken cancellationToken)
    {
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        return await db.Steps.AsNoTracking().AnyAsync(s => s.CorrelationRef == reference && s.Capability == capability, cancellationToken);
    }

    /// <summary>
    /// Publishes the update, waiting for the broker at most <paramref name="patience"/>; false when it was not queued
    /// (the broker is down, or on a new broker no worker has bound its queue yet).
    /// </summary>
    private static async Task<bool> TryQueueAsync(
        IPublishEndpoint bus, RecordAgencyUpdate update, TimeSpan patience, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(patience);
        try
        {
            await bus.Publish(update, timeout.Token);
            return true;
        }
#pragma warning disable CA1031 // Whatever the transport throws, the answer is the same: not queued, send it again.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogNotQueued(loggers.CreateLogger(typeof(CallbacksApi)), e, update.Agency);
            return false;
        }
    }

    private static async Task ForgetReceiptAsync(IDbContextFactory<HubApiDbContext> hubStore, string agency, byte[] body, CancellationToken cancellationToken)
    {
        await using var db = await hubStore.CreateDbContextAsync(cancellationToken);
        var hash = BodyHash(body);
        await db.CallbackReceipts.Where(r => r.Agency == agency && r.BodyHash == hash).ExecuteDeleteAsync(cancellationToken);
    }

    private static string BodyHash(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Remembers the body; false when the same body was accepted before. Receipts older than the window are dropped.</summary>
    private static async Task<bool> RecordReceiptAsync(
        IDbContextFactory<HubApiDbContext> hubStore, string agency, byte[] body, string reference, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var db = await hubStore.CreateDbContextAsync(cancellationToken);
        var expired = (now - window).UtcTicks;
        await db.CallbackReceipts.Where(r => r.ReceivedAtTicks < expired).ExecuteDeleteAsync(cancellationToken);
        db.CallbackReceipts.Add(new CallbackReceipt
        {
            Agency = agency,
            BodyHash = BodyHash(body),
            Reference = reference,
            ReceivedAtTicks = now.UtcTicks,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The primary key (agency, body hash) is taken: this body was accepted before.
            return false;
        }
    }

    /// <summary>Constant-time comparison of <c>sha256=&lt;hex&gt;</c> with the body's HMAC.</summary>
    public static bool SignatureMatches(string secret, byte[] body, string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        const string prefix = "sha256=";
        if (!header.StartsWith(prefix, StringComparison.Ordinal) || header.Length != prefix.Length + 64)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        Span<byte> given = stackalloc byte[32];
        return Convert.FromHexString(header.AsSpan(prefix.Length), given, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == 32 && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxCallbackBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxCallbackBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A callback of agency {Agency} could not be queued; it was answered 503 for the agency to send again")]
    private static partial void LogNotQueued(ILogger logger, Exception exception, string agency);
}
