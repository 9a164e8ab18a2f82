using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Declarative.Versions;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Consents;

namespace MppIntegrationHub.Hub.Citizens.Overview;

/// <summary>One read the overview can make: its capability, the categories it serves and how to make it.</summary>
internal sealed record OverviewRead(
    string Capability,
    IReadOnlyList<DataCategory> Categories,
    Func<ICapabilityInvoker, CitizenGrant, CancellationToken, Task<CitizenRead<object>>> ReadAsync)
{
    /// <summary>The compiled agencies' reads, then every live declarative adapter's citizen reads.</summary>
    public static IReadOnlyList<OverviewRead> Available(DeclarativeAdapterCatalog catalog) =>
    [
        new(CanonicalCapabilities.PopulationProfile.Name, CitizenReads.ProfileCategories, async (invoker, grant, ct) => Boxed(await CitizenReads.ProfileAsync(invoker, grant, ct))),
        new(CanonicalCapabilities.HealthSummary.Name, [DataCategory.Health], async (invoker, grant, ct) => Boxed(await CitizenReads.HealthSummaryAsync(invoker, grant, ct))),
        .. catalog.CitizenReads().Select(operation => new OverviewRead(
            operation.Capability, [operation.ReadsCategory!.Value],
            async (invoker, grant, ct) => Boxed(await CitizenReads.CapabilityAsync(invoker, operation.Capability, grant, ct)))),
    ];

    private static CitizenRead<object> Boxed<T>(CitizenRead<T> read) where T : notnull => new(read.Data, read.Audit);
}
