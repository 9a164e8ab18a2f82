using System.ComponentModel;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Verification;

[Description("A face photo to compare with the registry's reference photo of the NIK's holder.")]
public sealed record FaceMatchRequest
{
    public required Nik Nik { get; init; }

    [Description("Base64 JPEG of at most 200 KB.")]
    public required string Image { get; init; }

    [Description("Similarity score (0-10) needed for a match.")]
    public decimal Threshold { get; init; } = 5m;
}

[Description("Similarity between a submitted face photo and the registry's reference photo.")]
public sealed record FaceMatchResult(bool Matched, decimal Score);
