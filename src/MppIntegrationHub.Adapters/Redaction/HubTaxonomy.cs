using Microsoft.Extensions.Compliance.Classification;

namespace MppIntegrationHub.Adapters.Redaction;

/// <summary>
/// The hub's personal-data classes (UU 27/2022). Log and trace parameters carry one of these attributes; the
/// redaction configured by <see cref="HubRedactionExtensions.AddHubRedaction"/> keeps their values out of every sink.
/// </summary>
public static class HubTaxonomy
{
    public const string TaxonomyName = "MppIntegrationHub";

    /// <summary>Nomor Induk Kependudukan, KK numbers and other national identifiers.</summary>
    public static DataClassification Nik { get; } = new(TaxonomyName, nameof(Nik));

    /// <summary>Names of citizens and their relatives.</summary>
    public static DataClassification PersonName { get; } = new(TaxonomyName, nameof(PersonName));

    /// <summary>Tokens, passwords, API keys: never written anywhere, not even redacted.</summary>
    public static DataClassification Secret { get; } = new(TaxonomyName, nameof(Secret));
}

/// <summary>Classifies a NIK or KK number.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class NikAttribute() : DataClassificationAttribute(HubTaxonomy.Nik);

/// <summary>Classifies a person's name.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonNameAttribute() : DataClassificationAttribute(HubTaxonomy.PersonName);

/// <summary>Classifies a secret (token, password, key).</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecretAttribute() : DataClassificationAttribute(HubTaxonomy.Secret);
