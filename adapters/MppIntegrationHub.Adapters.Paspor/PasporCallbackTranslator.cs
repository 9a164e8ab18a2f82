using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Adapters.Paspor;

/// <summary>Imigrasi's status callback: the application as <c>GET /permohonan/{nomor_permohonan}</c> answers it.</summary>
public sealed class PasporCallbackTranslator() : AgencyCaseCallbackTranslator<PassportCase>(PasporAdapter.Agency, CanonicalCapabilities.PassportApplicationStatus)
{
    protected override AgencyCase Map(PassportCase answer) => PasporAdapter.ToCase(answer);
}
