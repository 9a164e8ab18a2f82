using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.Rest;

namespace MppIntegrationHub.Simulators.Dukcapil;

/// <summary>
/// Injected Dukcapil failures: the gateway's HTML error page for HTTP errors; quota exhaustion in-band (code 05,
/// or 5002 for face recognition); the e-KTP REST API in the designed REST shape.
/// </summary>
internal sealed class DukcapilDialect : IAgencyDialect
{
    public static DukcapilDialect Instance { get; } = new();

    public Task WriteErrorAsync(HttpContext context, int statusCode)
    {
        if (IsRest(context))
        {
            return RestDialect.Instance.WriteErrorAsync(context, statusCode);
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"<html><head><title>{statusCode}</title></head><body><h1>{statusCode} {ReasonPhrases.GetReasonPhrase(statusCode)}</h1></body></html>");
    }

    public Task WriteQuotaExhaustedAsync(HttpContext context)
    {
        if (IsRest(context))
        {
            return RestDialect.Instance.WriteQuotaExhaustedAsync(context);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(context.Request.Path.Value!.EndsWith("/CALL_FR", StringComparison.Ordinal)
            ? FaceRecognition.Error(null, FaceRecognition.RateLimited, "Batas permintaan terlampaui", 0)
            : DukcapilAnswers.Failure(DukcapilAnswers.QuotaExhausted, 0));
    }

    private static bool IsRest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/dukcapil/api", StringComparison.Ordinal);
}
