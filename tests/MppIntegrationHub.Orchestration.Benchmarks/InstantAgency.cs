using System.Text.Json;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Orchestration.Benchmarks;

/// <summary>An agency that answers at once, so what is measured is the orchestrator.</summary>
internal sealed class InstantAgency : ICapabilityInvoker
{
    private static readonly JsonElement Profile = JsonDocument.Parse("""{"nik":"3273015708900003","fullName":"SITI RAHAYU"}""").RootElement;
    private static readonly JsonElement Unpaid = JsonDocument.Parse(
        """{"billingCode":"820261123000001","amount":1,"createdAt":"2026-11-23T00:00:00Z","expiresAt":"2026-12-23T00:00:00Z","status":"unpaid"}""").RootElement;

    public Task<TResult> InvokeAsync<TRequest, TResult>(Capability<TRequest, TResult> capability, TRequest request, CallContext context, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<JsonElement> InvokeAsync(string capability, JsonElement request, CallContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(capability == "payment.billing.status" ? Unpaid : Profile);
}
