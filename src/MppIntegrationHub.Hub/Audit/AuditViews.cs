using System.ComponentModel;

namespace MppIntegrationHub.Hub.Audit;

[Description("One access to a citizen's data, as the data subject sees it (UU 27/2022: who read what, when and why).")]
public sealed record AccessLogEntry(
    [property: Description("Position in the audit chain.")] long Sequence,
    DateTimeOffset OccurredAt,
    [property: Description("Portal client that made the access.")] string Client,
    [property: Description("What was done, e.g. citizen.profile.read.")] string Action,
    [property: Description("Fields read or written.")] IReadOnlyList<string> Fields,
    [property: Description("Purpose named for the access, when it was a read.")] string? Purpose = null);

[Description("A page of a citizen's access log, newest first.")]
public sealed record AccessLogPage(
    IReadOnlyList<AccessLogEntry> Entries,
    [property: Description("Pass as 'before' to read the next (older) page; absent on the last page.")] long? NextBefore = null);

[Description("A record of the audit chain as an auditor sees it: the NIK appears only as its keyed reference.")]
public sealed record AuditRecordView(
    long Sequence,
    DateTimeOffset OccurredAt,
    string Client,
    string Action,
    IReadOnlyList<string> Fields,
    string PreviousHash,
    string Hash,
    string? Purpose = null,
    string? NikReference = null,
    string? Resource = null)
{
    public static AuditRecordView From(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Sequence, record.OccurredAt, record.ClientId, record.Action, AuditFields.Split(record.Fields),
            record.PreviousHash, record.Hash, record.Purpose, record.NikReference, record.Resource);
    }
}

[Description("A page of the audit chain in sequence order.")]
public sealed record AuditPage(IReadOnlyList<AuditRecordView> Records, [property: Description("Pass as 'after' for the next page.")] long? NextAfter = null);

internal static class AuditFields
{
    public static IReadOnlyList<string> Split(string fields) => fields.Length == 0 ? [] : fields.Split(',');
}
