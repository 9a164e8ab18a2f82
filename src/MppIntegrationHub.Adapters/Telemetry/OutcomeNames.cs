using System.Collections.Frozen;
using System.Text.Json;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Telemetry;

/// <summary>Outcome tag values: <c>success</c> or the canonical error kind in kebab-case, as the API spells it.</summary>
public static class OutcomeNames
{
    public const string Success = "success";

    private static readonly FrozenDictionary<AgencyErrorKind, string> Names =
        Enum.GetValues<AgencyErrorKind>().ToFrozenDictionary(k => k, k => JsonNamingPolicy.KebabCaseLower.ConvertName(k.ToString()));

    public static string Of(AgencyErrorKind kind) => Names[kind];
}
