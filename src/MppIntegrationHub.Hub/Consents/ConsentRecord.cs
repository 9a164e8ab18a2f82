using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Hub.Consents;

/// <summary>A consent as stored: purposes as their API names, comma-separated.</summary>
public sealed class ConsentRecord
{
    public Guid Id { get; set; }

    public required string Nik { get; set; }

    public required string ClientId { get; set; }

    public required string Purposes { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public required string EvidenceReference { get; set; }

    public Consent ToContract(Nik nik) => new()
    {
        Id = Id,
        Nik = nik,
        Purposes = [.. Purposes.Split(',').Select(p => PurposeNames.TryParse(p, out var purpose) ? purpose : throw new InvalidOperationException($"Stored purpose '{p}' is unknown."))],
        GrantedAt = GrantedAt,
        ExpiresAt = ExpiresAt,
        EvidenceReference = EvidenceReference,
        RecordedBy = ClientId,
        RevokedAt = RevokedAt,
    };
}

/// <summary>Limits on what a consent may say.</summary>
public static class ConsentRules
{
    public const int MaxEvidenceLength = 200;

    /// <summary>Longest consent a portal may record; the citizen renews after that.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(366);
}
