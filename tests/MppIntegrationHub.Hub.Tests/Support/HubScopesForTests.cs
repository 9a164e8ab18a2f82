using MppIntegrationHub.Hub.Auth;

namespace MppIntegrationHub.Hub.Tests.Support;

internal static class HubScopesForTests
{
    /// <summary>Everything a portal holds: all scopes but the auditor's and the operators'.</summary>
    public static IEnumerable<string> Portal => HubScopes.All.Where(s => s is not HubScopes.Audit and not HubScopes.Operator);
}
