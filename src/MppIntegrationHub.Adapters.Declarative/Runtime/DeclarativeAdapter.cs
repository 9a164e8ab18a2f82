using System.Collections.Frozen;
using System.Text.Json;
using MppIntegrationHub.Adapters.Declarative.Manifests;
using MppIntegrationHub.Adapters.Declarative.Mapping;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Serialization;
using Newtonsoft.Json.Linq;

namespace MppIntegrationHub.Adapters.Declarative.Runtime;

/// <summary>
/// One version of a declarative adapter: its operations over an HTTP client whose outermost handler is the agency's
/// resilience pipeline built from the manifest. Once retired (a newer version took over), it releases its pipeline
/// when its last in-flight call ends.
/// </summary>
public sealed class DeclarativeAdapter : IAgencyAdapter, IDisposable
{
    private readonly HttpClient _http;
    private readonly FrozenDictionary<string, CompiledOperation> _operations;
    private readonly Action<JObject>? _bodyCredentials;
    private readonly AgencyResiliencePipeline _pipeline;
    private int _inFlight;
    private int _retired;
    private int _released;

    internal DeclarativeAdapter(
        DeclarativeAdapterManifest source,
        AdapterManifest manifest,
        HttpClient http,
        Action<JObject>? bodyCredentials,
        AgencyResiliencePipeline pipeline)
    {
        Source = source;
        Manifest = manifest;
        _http = http;
        _bodyCredentials = bodyCredentials;
        _pipeline = pipeline;
        _operations = source.Operations.ToFrozenDictionary(o => o.Capability, o => new CompiledOperation(o), StringComparer.Ordinal);
    }

    public AdapterManifest Manifest { get; }

    /// <summary>The manifest this version was built from.</summary>
    public DeclarativeAdapterManifest Source { get; }

    public async Task<TResult> InvokeAsync<TRequest, TResult>(
        Capability<TRequest, TResult> capability, TRequest request, CallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(capability);
        var output = await InvokeAsync(capability.Name, JsonSerializer.SerializeToElement(request, HubJson.Options), context, cancellationToken)
            .ConfigureAwait(false);
        try
        {
            return output.Deserialize<TResult>(HubJson.Options) ?? throw new JsonException("The mapped output is null.");
        }
        catch (JsonException)
        {
            throw new AgencyException(AgencyFailures.MalformedResponse(Manifest.Agency));
        }
    }

    public async Task<JsonElement> InvokeAsync(string capability, JsonElement request, CallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_operations.TryGetValue(capability, out var operation))
        {
            throw new AgencyException(AgencyFailures.Create(
                Manifest.Agency, AgencyErrorKind.InvalidRequest, "capability.unsupported", $"Adapter '{Manifest.Id}' does not provide '{capability}'."));
        }

        Interlocked.Increment(ref _inFlight);
        try
        {
            using var message = operation.CreateRequest(JsonBridge.ToToken(request), context.IdempotencyKey, _bodyCredentials);
            using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return operation.ReadResponse(Manifest.Agency, response.StatusCode, response.Headers.RetryAfter?.Delta, body);
        }
        catch (Exception exception) when (exception is not AgencyException && !cancellationToken.IsCancellationRequested)
        {
            throw new AgencyException(exception is Newtonsoft.Json.JsonException or FormatException
                ? AgencyFailures.MalformedResponse(Manifest.Agency)
                : AgencyFailures.Normalize(Manifest.Agency, exception));
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0 && Volatile.Read(ref _retired) == 1)
            {
                Release();
            }
        }
    }

    /// <summary>Marks the version as replaced: its resources go when the last in-flight call ends (now if none).</summary>
    public void Retire()
    {
        Volatile.Write(ref _retired, 1);
        if (Volatile.Read(ref _inFlight) == 0)
        {
            Release();
        }
    }

    public void Dispose() => Retire();

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        _http.Dispose();
        _pipeline.Dispose();
    }
}
