using System.ComponentModel;

namespace MppIntegrationHub.Contracts.Verification;

[Description("The registry's verdict on each element sent, with fuzzy scores for free-text fields, and the hub's overall decision.")]
public sealed record IdentityVerificationResult
{
    public required VerificationDecision Decision { get; init; }

    [Description("One verdict per element sent, keyed by the request's field name (fullName, birthDate, address.street, ...).")]
    public required IReadOnlyDictionary<string, FieldVerdict> Fields { get; init; }

    [Description("Face match, when a face image was sent.")]
    public FaceMatchResult? Face { get; init; }
}

[Description("Whether one element matches the registry, with a 0-100 similarity score for free-text elements.")]
public sealed record FieldVerdict(bool Matches, int? Score = null);

public enum VerificationDecision
{
    /// <summary>Every element sent matches (and the face, when sent).</summary>
    Verified,

    /// <summary>Some elements match and others do not: a person should look.</summary>
    PartialMatch,

    /// <summary>No element matches, or the face does not.</summary>
    NotVerified,
}
