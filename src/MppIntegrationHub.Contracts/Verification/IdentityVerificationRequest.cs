using System.ComponentModel;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Verification;

[Description("Element-wise identity verification: the NIK plus whichever demographic elements the portal collected. Each element sent is judged; elements left out are not.")]
public sealed record IdentityVerificationRequest
{
    public required Nik Nik { get; init; }

    public KkNumber? KkNumber { get; init; }

    public string? FullName { get; init; }

    public string? BirthPlace { get; init; }

    public DateOnly? BirthDate { get; init; }

    public Sex? Sex { get; init; }

    public CivilStatus? CivilStatus { get; init; }

    public string? Occupation { get; init; }

    public string? MotherName { get; init; }

    public Address? Address { get; init; }

    [Description("Optional face photo, base64 JPEG of at most 200 KB, matched against the registry's photo.")]
    public string? FaceImage { get; init; }
}
