using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Hub.Errors;

/// <summary>Turns every exception into a problem answer; nothing of the exception itself (type, message, stack) leaves the hub unless it was written for clients.</summary>
internal sealed partial class HubExceptionHandler(IProblemDetailsService problems, ILogger<HubExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => new HttpValidationProblemDetails(JsonErrors.ToFieldErrors(json))
            {
                Status = StatusCodes.Status400BadRequest,
                Type = HubProblems.Types.MalformedJson,
                Title = "Malformed request body",
                Detail = "The body is not valid JSON for this operation (unknown or duplicate properties are rejected).",
            },
            BadHttpRequestException bad => FromBadRequest(bad),
            AgencyException agency => FromAgency(agency.Error, httpContext),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Type = HubProblems.Types.Internal,
                Title = "Internal error",
                Detail = "The hub could not complete the request. Quote the trace id when reporting it.",
            },
        };
        if (problem is null)
        {
            return true;
        }

        if (problem.Status >= 500 && exception is not AgencyException)
        {
            LogUnhandled(logger, exception);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
        return true;
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => new() { Status = 413, Type = HubProblems.Types.PayloadTooLarge, Title = "Request body too large", Detail = "The request body exceeds the hub's size limit." },
        StatusCodes.Status415UnsupportedMediaType => new() { Status = 415, Type = HubProblems.Types.UnsupportedMediaType, Title = "Unsupported media type", Detail = "Send the body as application/json." },
        _ => new() { Status = 400, Type = HubProblems.Types.Validation, Title = "Bad request", Detail = SafeDetail(bad) },
    };

    // Binding messages name parameters, not internals ("Required parameter \"string purpose\" was not provided ...").
    private static string SafeDetail(BadHttpRequestException bad) =>
        bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) || bad.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal)
            ? bad.Message.Replace("\"", "'", StringComparison.Ordinal)
            : "The request could not be read.";

    private static ProblemDetails FromAgency(AgencyError error, HttpContext http)
    {
        if (error.Kind is AgencyErrorKind.NotFound)
        {
            return new() { Status = 404, Type = HubProblems.Types.CitizenNotFound, Title = "Not found at the agency", Detail = error.Message };
        }

        if (error.IsRetryable || error.Kind is AgencyErrorKind.Unauthorized)
        {
            var retryAfter = error.RetryAfter ?? TimeSpan.FromSeconds(30);
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return new()
            {
                Status = 503,
                Type = HubProblems.Types.AgencyUnavailable,
                Title = "Agency unavailable",
                Detail = error.Message,
                Extensions = { ["agency"] = error.Agency },
            };
        }

        return new()
        {
            Status = 422,
            Type = HubProblems.Types.AgencyRejected,
            Title = "Refused by the agency",
            Detail = error.Message,
            Extensions = { ["agency"] = error.Agency, ["code"] = error.Code },
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
