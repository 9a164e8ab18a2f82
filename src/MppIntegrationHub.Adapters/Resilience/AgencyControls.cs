using System.Collections.Concurrent;

namespace MppIntegrationHub.Adapters.Resilience;

/// <summary>The <see cref="AgencyControl"/> of every agency, created on first use; one per agency, shared by its clients.</summary>
public sealed class AgencyControls
{
    private readonly ConcurrentDictionary<string, AgencyControl> _controls = new(StringComparer.Ordinal);

    public AgencyControl For(string agency) => _controls.GetOrAdd(agency, static a => new AgencyControl(a));
}
