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
}
