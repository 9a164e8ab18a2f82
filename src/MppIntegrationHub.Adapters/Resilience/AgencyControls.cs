using System.Collections.Concurrent;

namespace MppIntegrationHub.Adapters.Resilience;

/// <summary>The <see cref="AgencyControl"/> of every agency, created on first use; one per agency, shared by its clients.</summary>
public sealed class AgencyControls
{
    private readonly ConcurrentDictionary<string, AgencyControl> _controls = new(StringComparer.Ordinal);

    /// <summary>Every agency's control created so far.</summary>
    public IEnumerable<AgencyControl> All => _controls.Values;

    public AgencyControl For(string agency) => _controls.GetOrAdd(agency, static a => new AgencyControl(a));

    /// <summary>
    /// Replaces the agency's control with a fresh one, keeping the operator's retry switch: a pipeline built at run time
    /// (a new declarative adapter version) needs its own breaker state provider, which Polly binds to one breaker only.
    /// </summary>
    public AgencyControl Renew(string agency)
    {
        var fresh = new AgencyControl(agency);
        _controls.AddOrUpdate(agency, fresh, (_, old) =>
        {
            fresh.RetriesEnabled = old.RetriesEnabled;
            return fresh;
        });
        return fresh;
    }
}
