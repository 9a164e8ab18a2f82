using MppIntegrationHub.Adapters.Rest;

namespace MppIntegrationHub.Adapters.Sim;

/// <summary>The Korlantas SIM adapter's manifest and API key.</summary>
public sealed class SimAdapterOptions : RestAgencyOptions;
