using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Adapters.Dukcapil.Registry;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Adapters.Dukcapil.KtpReplacement;

/// <summary>Dukcapil's e-KTP replacement callback: the case as <c>GET /penggantian-ktp/{nomor_permohonan}</c> answers it.</summary>
public sealed class KtpReplacementCallbackTranslator()
    : AgencyCaseCallbackTranslator<KtpReplacementCase>(DukcapilCodes.Agency, CanonicalCapabilities.PopulationDocumentStatus)
{
    protected override AgencyCase Map(KtpReplacementCase answer) => KtpReplacementMapping.ToCase(answer);
}
