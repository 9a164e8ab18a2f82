using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Adapters.Skck;

/// <summary>Polri's status callback: the SKCK case as <c>GET /permohonan/{nomor_registrasi}</c> answers it.</summary>
public sealed class SkckCallbackTranslator() : AgencyCaseCallbackTranslator<SkckCase>(SkckAdapter.Agency, CanonicalCapabilities.PoliceClearanceStatus)
{
    protected override AgencyCase Map(SkckCase answer) => SkckAdapter.ToCase(answer);
}
