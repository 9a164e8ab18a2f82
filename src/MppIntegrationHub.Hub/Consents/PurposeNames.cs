using System.Collections.Frozen;
using System.Text.Json;
using MppIntegrationHub.Contracts.Consents;

namespace MppIntegrationHub.Hub.Consents;

/// <summary>Purposes as the API spells them (kebab-case, as in JSON bodies): <c>service-application</c>.</summary>
public static class PurposeNames
{
    private static readonly FrozenDictionary<string, DataPurpose> ByName =
        Enum.GetValues<DataPurpose>().ToFrozenDictionary(Format, StringComparer.Ordinal);

    public static string Format(DataPurpose purpose) => JsonNamingPolicy.KebabCaseLower.ConvertName(purpose.ToString());

    public static bool TryParse(string? name, out DataPurpose purpose) => ByName.TryGetValue(name ?? string.Empty, out purpose);

    /// <summary>Every accepted name, for error messages.</summary>
    public static string Accepted => string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal));
}
