namespace MppIntegrationHub.Hub.Auth;

/// <summary>
/// The token server's signing and encryption keys (configuration section <c>Hub:TokenKeys</c>): RSA private keys in
/// PEM, given inline (<see cref="SigningKey"/>, <see cref="EncryptionKey"/>, e.g. from environment variables or a
/// secret store) or as files in <see cref="Folder"/>. Every process of a deployment must use the same keys so that a
/// token issued by one is accepted by all, and by the next start. Without keys the hub starts only in Development,
/// with keys that live for the process.
/// </summary>
public sealed record TokenKeyOptions
{
    public const string Section = "Hub:TokenKeys";

    /// <summary>File name of the signing key in <see cref="Folder"/>.</summary>
    public const string SigningKeyFile = "signing.pem";

    /// <summary>File name of the encryption key in <see cref="Folder"/>.</summary>
    public const string EncryptionKeyFile = "encryption.pem";

    /// <summary>PEM of the RSA private key that signs access tokens (PKCS#8 or PKCS#1).</summary>
    public string? SigningKey { get; init; }

    /// <summary>PEM of the RSA private key that encrypts access tokens; must differ from the signing key.</summary>
    public string? EncryptionKey { get; init; }

    /// <summary>A folder holding <c>signing.pem</c> and <c>encryption.pem</c>; used for a key not given inline.</summary>
    public string? Folder { get; init; }
}
