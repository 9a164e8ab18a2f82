using MppIntegrationHub.Adapters.Rest;

namespace MppIntegrationHub.Adapters.Billing;

/// <summary>The SIMPONI adapter's manifest and API key.</summary>
public sealed class BillingAdapterOptions : RestAgencyOptions;
