using MppIntegrationHub.Simulators.Callbacks;
using MppIntegrationHub.Simulators.People;
using MppIntegrationHub.Simulators.Simponi;

namespace MppIntegrationHub.Simulators.Hosting;

/// <summary>What every agency simulator shares: options, population, clock, the billing ledger and callbacks.</summary>
internal sealed record SimulatorContext(
    SimulatorOptions Options,
    SyntheticPopulation Population,
    BillingLedger Ledger,
    CallbackSender Callbacks,
    string MappingsFolder)
{
    public TimeProvider Clock => Options.Clock;

    public SimulatorCredentials Credentials => Options.Credentials;
}
