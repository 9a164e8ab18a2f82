using System.Text.Json;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Registry;

/// <summary>
/// An adapter the registry can route capabilities to: a compiled one (<see cref="CompiledAdapter"/>) or a declarative
/// one built at run time from a JSON manifest. A call may fail with any exception: the registry, which measures every
/// call, turns one that is not an <see cref="AgencyException"/> into the canonical error with <see cref="Normalize"/>,
/// in the same frame (one frame less per call than each adapter wrapping its own).
/// </summary>
public interface IAgencyAdapter
{
    AdapterManifest Manifest { get; }

    /// <summary>The canonical error for a failure of one of this adapter's calls.</summary>
    AgencyError Normalize(Exception exception) => AgencyFailures.Normalize(Manifest.Agency, exception);

    Task<TResult> InvokeAsync<TRequest, TResult>(
        Capability<TRequest, TResult> capability,
        TRequest request,
        CallContext context,
        CancellationToken cancellationToken);

    Task<JsonElement> InvokeAsync(string capability, JsonElement request, CallContext context, CancellationToken cancellationToken);
}
