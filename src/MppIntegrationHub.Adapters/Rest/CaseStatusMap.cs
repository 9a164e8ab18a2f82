using System.Collections.Frozen;
using MppIntegrationHub.Contracts.Agencies;

namespace MppIntegrationHub.Adapters.Rest;

/// <summary>An agency's case status words mapped to <see cref="AgencyCaseStatus"/>; an unknown word is a malformed answer.</summary>
public sealed class CaseStatusMap(IEnumerable<KeyValuePair<string, AgencyCaseStatus>> statuses)
{
    private readonly FrozenDictionary<string, AgencyCaseStatus> _statuses = statuses.ToFrozenDictionary(StringComparer.Ordinal);

    public AgencyCaseStatus Map(string status) =>
        _statuses.TryGetValue(status, out var mapped)
            ? mapped
            : throw new FormatException("The agency sent a case status the hub does not know.");

    /// <summary>The canonical case; outputs with no value are left out.</summary>
    public AgencyCase ToCase(string reference, string status, DateTimeOffset updatedAt, string? reason, params (string Key, string? Value)[] outputs) => new()
    {
        Reference = reference,
        Status = Map(status),
        UpdatedAt = updatedAt,
        Reason = reason,
        Outputs = outputs.Where(o => o.Value is not null).ToDictionary(o => o.Key, o => o.Value!, StringComparer.Ordinal),
    };
}
