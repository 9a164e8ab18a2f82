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

    // The NIK and KK converters write "<Rule>: <message>" for citizens; System.Text.Json's own messages name .NET
    // types, which mean nothing to a portal developer and say too much about the hub, so those become plain sentences.
    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var pathInfo = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var text = pathInfo < 0 ? message : message[..pathInfo];
        return RuleMessage.IsMatch(text) ? text
            : text.Contains("could not be mapped", StringComparison.Ordinal) ? "Unknown property."
            : text.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) ? "Duplicate property."
            : text.Contains("missing required properties", StringComparison.Ordinal) ? "Required properties are missing: " + MissingProperties(text)
            : "The value is not valid JSON of the expected type.";
    }

    private static readonly System.Text.RegularExpressions.Regex RuleMessage = new(
        $"^({string.Join('|', Enum.GetNames<MppIntegrationHub.Contracts.Identity.NikRule>().Concat(Enum.GetNames<MppIntegrationHub.Contracts.Identity.KkRule>()).Distinct())}): [A-Z]",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static string MissingProperties(string message)
    {
        var start = message.IndexOf("properties including: ", StringComparison.Ordinal);
        return start < 0 ? "see the schema." : message[(start + "properties including: ".Length)..].TrimEnd('.');
    }
}
