using System.Net;
using System.Text.Json;
using MppIntegrationHub.Contracts.Errors;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using Refit;

namespace MppIntegrationHub.Adapters.Errors;

/// <summary>
/// Turns whatever an agency call threw into the canonical <see cref="AgencyError"/>. Messages are the hub's own words:
/// nothing from the agency's body is echoed, only stable codes derived from it.
/// </summary>
public static class AgencyFailures
{
    /// <summary>Normalises <paramref name="exception"/>; <paramref name="bodyMapper"/> reads agency error bodies.</summary>
    public static AgencyError Normalize(string agency, Exception exception, IAgencyErrorBodyMapper? bodyMapper = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var error = current switch
            {
                AgencyException agencyException => agencyException.Error,
                BrokenCircuitException broken => Create(agency, AgencyErrorKind.Transient, "breaker-open", "The agency is unavailable; calls are paused for a moment.", broken.RetryAfter),
                RateLimiterRejectedException limited => Create(agency, AgencyErrorKind.Transient, "rate-limited", "The hub is at the agency's call quota; try again shortly.", limited.RetryAfter),
                TimeoutRejectedException => Create(agency, AgencyErrorKind.Transient, "timeout", "The agency did not answer in time."),
                JsonException or FormatException => MalformedResponse(agency),
                ApiException api when api.IsSuccessStatusCode() => MalformedResponse(agency),
                ApiException api => FromResponse(agency, api, bodyMapper),
                HttpRequestException => Create(agency, AgencyErrorKind.Transient, "connection", "The agency could not be reached."),
                _ => null,
            };
            if (error is not null)
            {
                return error;
            }
        }

        return exception is OperationCanceledException
            ? Create(agency, AgencyErrorKind.Transient, "timeout", "The agency did not answer in time.")
            : Create(agency, AgencyErrorKind.Transient, "unexpected", "The agency call failed unexpectedly.");
    }

    /// <summary>The canonical error for an HTTP status without a readable body.</summary>
    public static AgencyError FromStatus(string agency, HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var kind = KindOf(status);
        return Create(agency, kind, $"http.{(int)status}", SafeMessage(kind), kind == AgencyErrorKind.Transient ? retryAfter : null);
    }

    /// <summary>What an HTTP status means for the caller.</summary>
    public static AgencyErrorKind KindOf(HttpStatusCode status) => (int)status switch
    {
        400 or 405 or 406 or 409 or 413 or 415 or 422 => AgencyErrorKind.InvalidRequest,
        401 or 403 => AgencyErrorKind.Unauthorized,
        404 or 410 => AgencyErrorKind.NotFound,
        408 or 429 or >= 500 => AgencyErrorKind.Transient,
        _ => AgencyErrorKind.Permanent,
    };

    /// <summary>A message fit for a portal user, in the hub's words.</summary>
    public static string SafeMessage(AgencyErrorKind kind) => kind switch
    {
        AgencyErrorKind.Transient => "The agency is temporarily unavailable.",
        AgencyErrorKind.NotFound => "The agency has no such record.",
        AgencyErrorKind.InvalidRequest => "The agency rejected the request as invalid.",
        AgencyErrorKind.Unauthorized => "The agency refused the hub's credentials.",
        AgencyErrorKind.QuotaExhausted => "The hub's quota at the agency is used up for now.",
        _ => "The agency refused the request.",
    };

    /// <summary>A body the hub could not read (wrong shape, wrong type, truncated, too large).</summary>
    public static AgencyError MalformedResponse(string agency) =>
        Create(agency, AgencyErrorKind.Transient, "malformed-response", "The agency answered with something the hub could not read.");

    public static AgencyError Create(string agency, AgencyErrorKind kind, string code, string message, TimeSpan? retryAfter = null) =>
        new() { Agency = agency, Kind = kind, Code = code, Message = message, RetryAfter = retryAfter };

    private static AgencyError FromResponse(string agency, ApiException api, IAgencyErrorBodyMapper? bodyMapper)
    {
        var retryAfter = api.Headers?.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            _ => (TimeSpan?)null,
        };
        var fromBody = api.HasContent && bodyMapper is not null
            ? bodyMapper.Map(agency, api.StatusCode, api.ContentHeaders?.ContentType?.MediaType, api.Content!)
            : null;
        return fromBody is null
            ? FromStatus(agency, api.StatusCode, retryAfter)
            : fromBody with { RetryAfter = fromBody.RetryAfter ?? retryAfter };
    }

    private static bool IsSuccessStatusCode(this ApiException api) => (int)api.StatusCode is >= 200 and < 300;
}
