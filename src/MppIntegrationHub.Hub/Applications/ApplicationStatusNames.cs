using System.Collections.Frozen;
using System.Text.Json;
using MppIntegrationHub.Contracts.Applications;

namespace MppIntegrationHub.Hub.Applications;

/// <summary>Statuses as the API spells them in query strings (kebab-case, as in JSON bodies).</summary>
public static class ApplicationStatusNames
{
    private static readonly FrozenDictionary<string, ApplicationStatus> ByName =
        Enum.GetValues<ApplicationStatus>().ToFrozenDictionary(s => JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()), StringComparer.Ordinal);

    public static bool TryParse(string name, out ApplicationStatus status) => ByName.TryGetValue(name, out status);

    public static string Accepted => string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal));
}
