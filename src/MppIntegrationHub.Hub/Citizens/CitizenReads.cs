using System.Text.Json;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Health;
using MppIntegrationHub.Hub.Audit;

namespace MppIntegrationHub.Hub.Citizens;

/// <summary>The citizen reads the API serves, each with the audit entry that records it: one place for the single reads and the overview.</summary>
public static class CitizenReads
{
    /// <summary>The categories the population profile can serve.</summary>
    public static IReadOnlyList<DataCategory> ProfileCategories { get; } = [DataCategory.Identity, DataCategory.Address, DataCategory.Family, DataCategory.Civil];

    private static readonly string[] HealthSummaryFields = ["conditions", "immunizations", "allergies", "observations", "encounters"];

    /// <summary>The once-only profile cut down to the granted categories.</summary>
    public static async Task<CitizenRead<CitizenProfile>> ProfileAsync(ICapabilityInvoker invoker, CitizenGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(grant);
        var full = await invoker.InvokeAsync(CanonicalCapabilities.PopulationProfile, new CitizenQuery(grant.Nik), Context(grant), cancellationToken);
        var (profile, fields) = ProfileFields.Minimise(full, grant.Categories);
        return new(profile, new AuditEntry(grant.ClientId, AuditActions.ProfileRead, grant.Purpose, grant.Nik, fields));
    }

    /// <summary>The SATUSEHAT health summary.</summary>
    public static async Task<CitizenRead<HealthSummary>> HealthSummaryAsync(ICapabilityInvoker invoker, CitizenGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(grant);
        var summary = await invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, new CitizenQuery(grant.Nik), Context(grant), cancellationToken);
        return new(summary, new AuditEntry(grant.ClientId, AuditActions.HealthSummaryRead, grant.Purpose, grant.Nik, HealthSummaryFields));
    }

    /// <summary>A read capability of a declarative adapter, given the citizen's NIK; the audit names the output's fields.</summary>
    public static async Task<CitizenRead<JsonElement>> CapabilityAsync(
        ICapabilityInvoker invoker, string capability, CitizenGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(grant);
        var output = await invoker.InvokeAsync(capability, JsonSerializer.SerializeToElement(new { nik = grant.Nik.Value }), Context(grant), cancellationToken);
        var fields = output.ValueKind == JsonValueKind.Object ? output.EnumerateObject().Select(p => p.Name).ToList() : [];
        return new(output, new AuditEntry(grant.ClientId, AuditActions.CapabilityRead, grant.Purpose, grant.Nik, fields));
    }

    private static CallContext Context(CitizenGrant grant) => new(ClientId: grant.ClientId, Purpose: grant.Purpose);
}

/// <summary>What a read returned and the audit entry to append before answering.</summary>
public sealed record CitizenRead<T>(T Data, AuditEntry Audit);
