using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Errors;

namespace MppIntegrationHub.Hub.Callbacks;

/// <summary>Maps <c>POST /api/v1/agency-callbacks/{agency}</c>: agencies report case status changes, signed with their own secret.</summary>
public static class CallbacksApi
{
    public const string SignatureHeader = "X-Agency-Signature";
    private const int MaxCallbackBytes = 64 * 1024;

    /// <summary>Registers the per-agency callback secrets (<c>Hub:AgencyCallbacks:Secrets</c>).</summary>
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
            .WithSummary("An agency reports a case status change")
            .WithDescription("Body: the agency's case as its GET answers it. Header X-Agency-Signature: sha256=<hex HMAC-SHA256 of the body with the agency's callback secret>. Portal tokens are not accepted here.");
        return api;
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> ReceiveAsync(
        string agency,
        HttpContext http,
        IOptions<AgencyCallbackOptions> options,
        IEnumerable<IAgencyCallbackTranslator> translators,
        IPublishEndpoint bus,
        AuditTrail audit)
    {
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
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
        var agencyCase = translator is null ? null : Translate(translator, body);
        if (agencyCase is null)
        {
            return HubProblems.Problem(StatusCodes.Status422UnprocessableEntity, HubProblems.Types.Validation, "Callback not understood",
                "The body is not a case of this agency.");
        }

        await bus.Publish(new RecordAgencyCaseUpdate(agency, agencyCase), http.RequestAborted);
        await audit.AppendAsync(new AuditEntry($"agency:{agency}", AuditActions.AgencyCallback, null, null, ["status"], agencyCase.Reference), http.RequestAborted);
        return TypedResults.Accepted((string?)null);
    }

    private static Contracts.Agencies.AgencyCase? Translate(IAgencyCallbackTranslator translator, byte[] body)
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
}
