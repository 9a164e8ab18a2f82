using MppIntegrationHub.Adapters.Rest;

namespace MppIntegrationHub.Adapters.Skck;

/// <summary>The SKCK adapter's manifest and API key.</summary>
public sealed class SkckAdapterOptions : RestAgencyOptions;
