using System.Text.Json;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Adapters.Registry;

/// <summary>
/// Base of the compiled adapters: a table of typed capability handlers, the JSON form derived from it, and the
/// normalisation of their failures to the canonical error (applied by the registry, see <see cref="IAgencyAdapter"/>).
/// </summary>
public abstract class CompiledAdapter(AdapterManifest manifest) : IAgencyAdapter
{
    private readonly Dictionary<string, CapabilityHandler> _handlers = new(StringComparer.Ordinal);

    public AdapterManifest Manifest { get; } = manifest;

    /// <summary>Reads the agency's error bodies; null when status codes say enough.</summary>
    protected virtual IAgencyErrorBodyMapper? ErrorBodyMapper => null;

    public Task<TResult> InvokeAsync<TRequest, TResult>(
        Capability<TRequest, TResult> capability,
        TRequest request,
        CallContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(capability);
        return _handlers.TryGetValue(capability.Name, out var handler) && handler is CapabilityHandler<TRequest, TResult> typed
            ? typed.Handle(request, context, cancellationToken)
            : throw Unsupported(capability.Name);
    }

    public AgencyError Normalize(Exception exception) => AgencyFailures.Normalize(Manifest.Agency, exception, ErrorBodyMapper);

    public Task<JsonElement> InvokeAsync(string capability, JsonElement request, CallContext context, CancellationToken cancellationToken) =>
        _handlers.TryGetValue(capability, out var handler)
            ? handler.InvokeJsonAsync(this, request, context, cancellationToken)
            : throw Unsupported(capability);

    /// <summary>Declares that the adapter provides <paramref name="capability"/> through <paramref name="handler"/>.</summary>
    protected void Handle<TRequest, TResult>(
        Capability<TRequest, TResult> capability,
        Func<TRequest, CallContext, CancellationToken, Task<TResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(capability);
        _handlers.Add(capability.Name, new CapabilityHandler<TRequest, TResult>(capability, handler));
    }

    private AgencyException Unsupported(string capability) => new(AgencyFailures.Create(
        Manifest.Agency, AgencyErrorKind.InvalidRequest, "capability.unsupported", $"Adapter '{Manifest.Id}' does not provide '{capability}'."));

    private abstract class CapabilityHandler
    {
        public abstract Task<JsonElement> InvokeJsonAsync(CompiledAdapter adapter, JsonElement request, CallContext context, CancellationToken cancellationToken);
    }

    private sealed class CapabilityHandler<TRequest, TResult>(
        Capability<TRequest, TResult> capability,
        Func<TRequest, CallContext, CancellationToken, Task<TResult>> handle) : CapabilityHandler
    {
        public Func<TRequest, CallContext, CancellationToken, Task<TResult>> Handle { get; } = handle;

        public override async Task<JsonElement> InvokeJsonAsync(
            CompiledAdapter adapter, JsonElement request, CallContext context, CancellationToken cancellationToken)
        {
            TRequest typed;
            try
            {
                typed = request.Deserialize<TRequest>(HubJson.Options)
                    ?? throw new JsonException("The request is null.");
            }
            catch (JsonException)
            {
                throw new AgencyException(AgencyFailures.Create(
                    adapter.Manifest.Agency, AgencyErrorKind.InvalidRequest, "request.invalid", $"The request is not a valid '{capability.Name}' input."));
            }

            var result = await adapter.InvokeAsync(capability, typed, context, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.SerializeToElement(result, HubJson.Options);
        }
    }
}
