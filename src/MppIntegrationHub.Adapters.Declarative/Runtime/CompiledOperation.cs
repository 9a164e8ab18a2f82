using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MppIntegrationHub.Adapters.Declarative.Manifests;
using MppIntegrationHub.Adapters.Declarative.Mapping;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Contracts.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MppIntegrationHub.Adapters.Declarative.Runtime;

/// <summary>An operation with its mappings parsed once: builds the agency request and reads its answer.</summary>
public sealed class CompiledOperation
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpMethod _method;
    private readonly string _path;
    private readonly (string Name, JmesPathMapping Value)[] _pathParameters;
    private readonly (string Name, JmesPathMapping Value)[] _query;
    private readonly JmesPathMapping? _body;
    private readonly JmesPathMapping _response;
    private readonly JmesPathMapping? _errorCode;
    private readonly ErrorMapping _errors;

    public CompiledOperation(DeclarativeOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        Operation = operation;
        _method = new HttpMethod(operation.Method.ToUpperInvariant());
        _path = operation.Path.TrimStart('/');
        _pathParameters = [.. operation.PathParameters.Select(p => (p.Key, JmesPathMapping.Compile(p.Value)))];
        _query = [.. operation.Query.Select(p => (p.Key, JmesPathMapping.Compile(p.Value)))];
        _body = operation.Body is null ? null : JmesPathMapping.Compile(operation.Body);
        _response = JmesPathMapping.Compile(operation.Response);
        _errorCode = operation.Errors.CodePath is null ? null : JmesPathMapping.Compile(operation.Errors.CodePath);
        _errors = operation.Errors;
    }

    public DeclarativeOperation Operation { get; }

    /// <summary>The agency request for <paramref name="input"/>, relative to the base URL.</summary>
    public HttpRequestMessage CreateRequest(JToken input, string? idempotencyKey, Action<JObject>? addBodyCredentials)
    {
        var request = new HttpRequestMessage(_method, new Uri(RelativeUri(input), UriKind.Relative));
        if (_body is not null)
        {
            var body = _body.Evaluate(input);
            if (addBodyCredentials is not null && body is JObject fields)
            {
                addBodyCredentials(fields);
            }

            request.Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8);
            request.Content.Headers.ContentType = Json;
        }

        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            request.Headers.TryAddWithoutValidation(AgencyRequestOptions.IdempotencyKeyHeader, idempotencyKey);
        }

        request.Options.Set(AgencyRequestOptions.ReadOnly, Operation.ReadOnly);
        return request;
    }

    /// <summary>The relative URI the request goes to: placeholders filled and escaped, query from the mappings.</summary>
    public string RelativeUri(JToken input)
    {
        var path = new StringBuilder(_path);
        foreach (var (name, value) in _pathParameters)
        {
            var text = JsonBridge.ScalarText(value.Evaluate(input))
                ?? throw new AgencyException(AgencyFailures.Create("hub", AgencyErrorKind.InvalidRequest, "request.invalid", $"The input gives no value for '{name}'."));
            path.Replace("{" + name + "}", Uri.EscapeDataString(text));
        }

        var separator = '?';
        foreach (var (name, value) in _query)
        {
            if (JsonBridge.ScalarText(value.Evaluate(input)) is { } text)
            {
                path.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(text));
                separator = '&';
            }
        }

        return path.ToString();
    }

    /// <summary>The canonical output of an agency answer, or the canonical error it means.</summary>
    public JsonElement ReadResponse(string agency, HttpStatusCode status, TimeSpan? retryAfter, string body)
    {
        JToken? parsed = null;
        if (body.Length > 0)
        {
            try
            {
                parsed = JsonBridge.Parse(body);
            }
            catch (JsonReaderException) when ((int)status is < 200 or >= 300)
            {
                // An error page that is not JSON: the status alone decides.
            }
            catch (JsonReaderException)
            {
                throw new AgencyException(AgencyFailures.MalformedResponse(agency));
            }
        }

        if (parsed is not null && _errorCode is not null
            && JsonBridge.ScalarText(_errorCode.Evaluate(parsed)) is { } code
            && _errors.Codes.TryGetValue(code, out var codeKind))
        {
            throw new AgencyException(AgencyFailures.Create(agency, codeKind, $"agency.{code}", AgencyFailures.SafeMessage(codeKind)));
        }

        if ((int)status is < 200 or >= 300)
        {
            var kind = KindOf(status);
            throw new AgencyException(AgencyFailures.Create(
                agency, kind, $"http.{(int)status}", AgencyFailures.SafeMessage(kind), kind == AgencyErrorKind.Transient ? retryAfter : null));
        }

        if (parsed is null)
        {
            throw new AgencyException(AgencyFailures.MalformedResponse(agency));
        }

        var output = _response.Evaluate(parsed);
        return output.Type is JTokenType.Null or JTokenType.Undefined
            ? throw new AgencyException(AgencyFailures.MalformedResponse(agency))
            : JsonBridge.ToElement(output);
    }

    private AgencyErrorKind KindOf(HttpStatusCode status)
    {
        var code = (int)status;
        return _errors.NotFoundStatuses.Contains(code) ? AgencyErrorKind.NotFound
            : _errors.TransientStatuses.Contains(code) ? AgencyErrorKind.Transient
            : _errors.PermanentStatuses.Contains(code) ? AgencyErrorKind.Permanent
            : AgencyFailures.KindOf(status);
    }
}
