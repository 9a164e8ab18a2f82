namespace MppIntegrationHub.Adapters.Registry;

/// <summary>Which adapter serves which capability, switchable at run time.</summary>
public interface IAdapterRegistry
{
    /// <summary>Adds an adapter at run time (declarative adapters); it takes over the capabilities it provides.</summary>
    void Register(IAgencyAdapter adapter);

    /// <summary>
    /// Registers <paramref name="adapter"/> or swaps it for the adapter with the same id in one step (a new declarative
    /// version): calls already running finish on the old instance, new calls resolve the new one.
    /// </summary>
    void Replace(IAgencyAdapter adapter, bool enabled);

    /// <summary>Removes an adapter; false when unknown.</summary>
    bool Remove(string adapterId);

    /// <summary>Switches an adapter on or off; false when unknown.</summary>
    bool SetEnabled(string adapterId, bool enabled);

    /// <summary>Operator kill switch for an agency's retries (calls are then tried once).</summary>
    void SetRetriesEnabled(string agency, bool enabled);

    /// <summary>The enabled adapter serving <paramref name="capability"/>, the most recently registered first.</summary>
    bool TryResolve(string capability, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IAgencyAdapter? adapter);

    /// <summary>Every adapter with its switch, health and breaker state.</summary>
    IReadOnlyList<AdapterStatus> GetStatuses();

    /// <summary>Every agency with adapters: worst adapter health, breaker, HTTP retry switch, quota left and traffic.</summary>
    IReadOnlyList<AgencyStatus> GetAgencyStatuses();
}
