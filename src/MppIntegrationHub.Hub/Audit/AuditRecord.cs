namespace MppIntegrationHub.Hub.Audit;

/// <summary>One link of the append-only audit chain: who touched which citizen's data, why, and when.</summary>
public sealed class AuditRecord
{
    public long Sequence { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public required string ClientId { get; set; }

    public required string Action { get; set; }

    public string? Purpose { get; set; }

    /// <summary>Keyed hash of the NIK: lets the data subject's trail be found without storing the NIK itself.</summary>
    public string? NikReference { get; set; }

    /// <summary>Comma-separated names of the fields read or written.</summary>
    public required string Fields { get; set; }

    public string? Resource { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
