namespace MppIntegrationHub.Hub.Secrets;

/// <summary>Where the Data Protection key ring lives (configuration section <c>Hub:DataProtection</c>).</summary>
public sealed record SecretProtectionOptions
{
    public const string Section = "Hub:DataProtection";

    /// <summary>
    /// The key ring folder. Every process of a deployment must share it (a mounted volume), and it must not be
    /// stored with the database: the keys decrypt the webhook secrets kept there.
    /// </summary>
    public string KeyFolder { get; init; } = ".hub-data/keys";

    /// <summary>
    /// A certificate with its private key (PKCS#12 <c>.pfx</c>/<c>.p12</c>, or PEM holding both) whose key encrypts the
    /// key ring at rest; without it the keys are stored in the clear. Recommended everywhere but Development.
    /// </summary>
    public string? Certificate { get; init; }

    /// <summary>The PKCS#12 file's password, if any.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>Certificates replaced by <see cref="Certificate"/> (same formats, same password): keys they encrypted stay readable.</summary>
    public IReadOnlyList<string> PreviousCertificates { get; init; } = [];
}
