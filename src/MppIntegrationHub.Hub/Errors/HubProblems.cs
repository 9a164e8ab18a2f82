using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MppIntegrationHub.Hub.Errors;

/// <summary>The hub's RFC 9457 problem types and helpers that answer with them.</summary>
public static class HubProblems
{
    public const string ContentType = "application/problem+json";

    /// <summary>Stable problem type URIs; clients branch on these, never on titles.</summary>
    public static class Types
    {
        private const string Prefix = "urn:mpp-hub:problem:";
        public const string Validation = Prefix + "validation";
        public const string MalformedJson = Prefix + "malformed-json";
        public const string Unauthorized = Prefix + "unauthorized";
        public const string Forbidden = Prefix + "forbidden";
        public const string NotFound = Prefix + "not-found";
        public const string MethodNotAllowed = Prefix + "method-not-allowed";
        public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
        public const string NotAcceptable = Prefix + "not-acceptable";
        public const string PayloadTooLarge = Prefix + "payload-too-large";
        public const string RateLimited = Prefix + "rate-limited";
        public const string ConsentMissing = Prefix + "consent-missing";
        public const string ScopeMissing = Prefix + "scope-missing";
        public const string UnknownService = Prefix + "unknown-service";
        public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";
        public const string IdempotencyKeyMissing = Prefix + "idempotency-key-missing";
        public const string CitizenNotFound = Prefix + "citizen-not-found";
        public const string AgencyUnavailable = Prefix + "agency-unavailable";
        public const string Unavailable = Prefix + "unavailable";
        public const string AgencyRejected = Prefix + "agency-rejected";
        public const string Conflict = Prefix + "conflict";
        public const string SignatureInvalid = Prefix + "signature-invalid";
        public const string Internal = Prefix + "internal";
        public const string AdapterProbeFailed = Prefix + "adapter-probe-failed";
        public const string UnknownCapability = Prefix + "unknown-capability";
    }

    /// <summary>A problem result for an endpoint's typed results.</summary>
    public static ProblemHttpResult Problem(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: type, extensions: extensions);

    /// <summary>A validation problem naming each bad field.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? "One or more fields are invalid.", type: Types.Validation, title: "Invalid request");

    /// <summary>Writes a problem straight to the response (middleware, limiter and challenge paths).</summary>
    public static async Task WriteAsync(HttpContext http, int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
