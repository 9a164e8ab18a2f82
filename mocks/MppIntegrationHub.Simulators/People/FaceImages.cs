using System.Security.Cryptography;
using System.Text;

namespace MppIntegrationHub.Simulators.People;

/// <summary>
/// Deterministic stand-ins for face photos: JPEG markers around bytes derived from the NIK. A submitted image scores
/// by how many bytes it shares, position for position, with the reference, so tests choose the score they need.
/// </summary>
public static class FaceImages
{
    private const int PayloadLength = 2_048;

    public static byte[] ReferenceFor(string nik)
    {
        var image = new byte[PayloadLength + 4];
        image[0] = 0xFF;
        image[1] = 0xD8;
        var block = SHA256.HashData(Encoding.ASCII.GetBytes(nik));
        for (var offset = 2; offset < PayloadLength + 2; offset += block.Length)
        {
            block.AsSpan(0, Math.Min(block.Length, PayloadLength + 2 - offset)).CopyTo(image.AsSpan(offset));
            block = SHA256.HashData(block);
        }

        image[^2] = 0xFF;
        image[^1] = 0xD9;
        return image;
    }

    /// <summary>Whether the bytes look like a JPEG (SOI and EOI markers).</summary>
    public static bool LooksLikeJpeg(ReadOnlySpan<byte> image) =>
        image.Length >= 4 && image[0] == 0xFF && image[1] == 0xD8 && image[^2] == 0xFF && image[^1] == 0xD9;

    /// <summary>Similarity on Dukcapil's 0-10 scale, one decimal.</summary>
    public static double Similarity(ReadOnlySpan<byte> submitted, ReadOnlySpan<byte> reference)
    {
        var same = 0;
        var common = Math.Min(submitted.Length, reference.Length);
        for (var i = 0; i < common; i++)
        {
            if (submitted[i] == reference[i])
            {
                same++;
            }
        }

        return Math.Round(10.0 * same / Math.Max(submitted.Length, reference.Length), 1, MidpointRounding.ToZero);
    }
}
