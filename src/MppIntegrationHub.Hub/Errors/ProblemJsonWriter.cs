using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MppIntegrationHub.Hub.Errors;

/// <summary>
/// Writes every problem as <c>application/problem+json</c> whatever the Accept header says: an error answer in a
/// format the client did not ask for is still more useful than an empty body.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            (problem.Type, problem.Detail) = DescribeStatus(problem.Status.Value, problem.Detail);
        }

        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        var type = problem is HttpValidationProblemDetails ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
        return new ValueTask(http.Response.WriteAsJsonAsync(
            problem, type, json.Value.SerializerOptions, HubProblems.ContentType, http.RequestAborted));
    }

    private static (string Type, string? Detail) DescribeStatus(int status, string? detail) => status switch
    {
        StatusCodes.Status401Unauthorized => (HubProblems.Types.Unauthorized, detail ?? "A valid bearer access token from /connect/token is required."),
        StatusCodes.Status403Forbidden => (HubProblems.Types.Forbidden, detail ?? "The access token lacks the scope this operation needs."),
        StatusCodes.Status404NotFound => (HubProblems.Types.NotFound, detail ?? "No such resource."),
        StatusCodes.Status405MethodNotAllowed => (HubProblems.Types.MethodNotAllowed, detail ?? "The resource does not support this method."),
        StatusCodes.Status406NotAcceptable => (HubProblems.Types.NotAcceptable, detail ?? "The resource cannot be served in the requested media type."),
        StatusCodes.Status413PayloadTooLarge => (HubProblems.Types.PayloadTooLarge, detail ?? "The request body is too large."),
        StatusCodes.Status415UnsupportedMediaType => (HubProblems.Types.UnsupportedMediaType, detail ?? "Send the body as application/json."),
        >= 500 => (HubProblems.Types.Internal, detail),
        _ => (HubProblems.Types.Validation, detail),
    };
}

/// <summary>JSON body errors rewritten into the field path and message a client can act on.</summary>
internal static class JsonErrors
{
    public static IDictionary<string, string[]> ToFieldErrors(JsonException exception)
    {
        var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "$" : exception.Path.TrimStart('$', '.');
        return new Dictionary<string, string[]> { [path] = [Describe(exception)] };
    }

    // The NIK and KK converters write "<Rule>: <message>"; System.Text.Json's own messages name .NET types, which
    // mean nothing to a portal developer, so those are replaced by a plain sentence.
    private static string Describe(JsonException exception) =>
        exception.InnerException is null && exception.Message.Contains(": ", StringComparison.Ordinal)
            && !exception.Message.Contains("Path:", StringComparison.Ordinal)
            ? exception.Message
            : exception.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "Unknown property."
            : exception.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) ? "Duplicate property."
            : exception.Message.Contains("missing required properties", StringComparison.Ordinal) ? "Required properties are missing: " + MissingProperties(exception.Message)
            : "The value is not valid JSON of the expected type.";

    private static string MissingProperties(string message)
    {
        var start = message.IndexOf("properties including: ", StringComparison.Ordinal);
        return start < 0 ? "see the schema." : message[(start + "properties including: ".Length)..].Split('.')[0];
    }
}
