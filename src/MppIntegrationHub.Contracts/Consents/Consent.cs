using System.ComponentModel;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Consents;

[Description("A citizen's consent, recorded by a portal, for the hub to read their data for the stated purposes until it expires or is revoked.")]
public sealed record ConsentRequest
{
    public required Nik Nik { get; init; }

    [Description("Purposes the citizen agreed to.")]
    public required IReadOnlyList<DataPurpose> Purposes { get; init; }

    [Description("When the consent lapses.")]
    public required DateTimeOffset ExpiresAt { get; init; }

    [Description("Reference to the evidence the portal keeps (signed form id, click-through log id).")]
    public required string EvidenceReference { get; init; }
}

[Description("A recorded consent.")]
public sealed record Consent
{
    public required Guid Id { get; init; }

    public required Nik Nik { get; init; }

    public required IReadOnlyList<DataPurpose> Purposes { get; init; }

    public required DateTimeOffset GrantedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required string EvidenceReference { get; init; }

    [Description("The portal client that recorded it.")]
    public required string RecordedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Whether the consent covers <paramref name="purpose"/> at <paramref name="now"/>.</summary>
    public bool Covers(DataPurpose purpose, DateTimeOffset now) =>
        RevokedAt is null && now < ExpiresAt && Purposes.Contains(purpose);
}
