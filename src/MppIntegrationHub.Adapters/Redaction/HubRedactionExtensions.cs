using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MppIntegrationHub.Adapters.Redaction;

/// <summary>Registers the hub's redaction of classified personal data in logs.</summary>
public static class HubRedactionExtensions
{
    /// <summary>
    /// Erases every value classified with <see cref="HubTaxonomy"/> (NIKs, names, secrets) from log records, and turns
    /// on redaction in the logging pipeline. Unclassified values pass through unchanged.
    /// </summary>
    public static IServiceCollection AddHubRedaction(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRedaction(redaction => redaction.SetRedactor<ErasingRedactor>(
            new DataClassificationSet(HubTaxonomy.Nik),
            new DataClassificationSet(HubTaxonomy.PersonName),
            new DataClassificationSet(HubTaxonomy.Secret)));
        services.AddLogging(logging => logging.EnableRedaction());
        return services;
    }
}
