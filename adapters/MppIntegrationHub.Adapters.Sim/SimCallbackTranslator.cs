using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Adapters.Sim;

/// <summary>Korlantas's status callback: the renewal as <c>GET /perpanjangan/{nomor_permohonan}</c> answers it.</summary>
public sealed class SimCallbackTranslator() : AgencyCaseCallbackTranslator<RenewalCase>(SimAdapter.Agency, CanonicalCapabilities.DrivingLicenceStatus)
{
    protected override AgencyCase Map(RenewalCase answer) => SimAdapter.ToCase(answer);
}
