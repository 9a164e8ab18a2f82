using System.Text.Json;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Adapters;

/// <summary>
/// Calls a capability on whichever adapter the registry has active for it. Failures surface as
/// <see cref="Contracts.Errors.AgencyException"/> carrying the canonical error.
/// </summary>
public interface ICapabilityInvoker
{
    Task<TResult> InvokeAsync<TRequest, TResult>(
        Capability<TRequest, TResult> capability,
        TRequest request,
        CallContext context,
        CancellationToken cancellationToken = default);

    /// <summary>Untyped form for workflow steps and declarative adapters: canonical JSON in, canonical JSON out.</summary>
    Task<JsonElement> InvokeAsync(
        string capability,
        JsonElement request,
        CallContext context,
        CancellationToken cancellationToken = default);
}
