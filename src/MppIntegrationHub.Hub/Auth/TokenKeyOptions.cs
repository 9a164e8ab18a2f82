namespace MppIntegrationHub.Hub.Auth;

/// <summary>
/// The token server's keys (configuration section <c>Hub:TokenKeys</c>): an RSA private key in PEM that signs access
/// tokens and a 256-bit symmetric key (base64) that encrypts them, given inline (<see cref="SigningKey"/>,
/// <see cref="EncryptionKey"/>, e.g. from environment variables or a secret store) or as files in <see cref="Folder"/>.
/// Every process of a deployment must use the same keys so that a token issued by one is accepted by all, and by the
/// next start. Without keys the hub starts only in Development, with keys that live for the process.
/// </summary>
public sealed record TokenKeyOptions
{
    public const string Section = "Hub:TokenKeys";

    /// <summary>File name of the signing key in <see cref="Folder"/>.</summary>
    public const string SigningKeyFile = "signing.pem";

    /// <summary>File name of the encryption key in <see cref="Folder"/>.</summary>
    public const string EncryptionKeyFile = "encryption.key";

    /// <summary>Bytes of the encryption key: AES-256 key wrap (A256KW) needs exactly 256 bits.</summary>
    public const int EncryptionKeyBytes = 32;

    /// <summary>PEM of the RSA private key (at least 2048 bits) that signs access tokens (PKCS#8 or PKCS#1).</summary>
    public string? SigningKey { get; init; }

    /// <summary>
    /// Base64 of 32 random bytes (<c>openssl rand -base64 32</c>) that encrypt access tokens (A256KW + A256CBC-HS512).
    /// The hub is the only reader of its tokens, so a symmetric key keeps them as confidential as an RSA key would,
    /// without an RSA private-key operation on every request.
    /// </summary>
    public string? EncryptionKey { get; init; }

    /// <summary>A folder holding <c>signing.pem</c> and <c>encryption.key</c>; used for a key not given inline.</summary>
    public string? Folder { get; init; }
}
