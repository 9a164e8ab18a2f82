using System.Text.Json;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Adapters.Registry;

/// <summary>
/// An adapter the registry can route capabilities to: a compiled one (<see cref="CompiledAdapter"/>) or a declarative
/// one built at run time from a JSON manifest. Failures surface as <see cref="Contracts.Errors.AgencyException"/>.
/// </summary>
public interface IAgencyAdapter
{
    AdapterManifest Manifest { get; }

    Task<TResult> InvokeAsync<TRequest, TResult>(
        Capability<TRequest, TResult> capability,
        TRequest request,
        CallContext context,
        CancellationToken cancellationToken);

    Task<JsonElement> InvokeAsync(string capability, JsonElement request, CallContext context, CancellationToken cancellationToken);
}
