using MppIntegrationHub.Simulators.Hosting;
using MppIntegrationHub.Simulators.Rest;
using MppIntegrationHub.Simulators.Simponi;

namespace MppIntegrationHub.Simulators.Cases;

/// <summary>A designed REST agency whose applications progress through statuses over time, with callbacks.</summary>
public abstract class CaseSimulator : AgencySimulator
{
    private int _sequence;

    private protected CaseSimulator(string agency, string referenceField, SimulatorContext context, long? quota = null)
        : base(agency, context, quota)
    {
        Cases = new CaseBook(agency, referenceField, context.Clock, context.Callbacks);
    }

    /// <summary>The agency's applications: status, tester advance, listing.</summary>
    public CaseBook Cases { get; }

    internal override CaseBook? CaseBook => Cases;

    private protected int NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>
    /// Null when the request's <c>ntpn</c> proves a paid billing of at least <paramref name="fee"/> not yet used by
    /// another application; the NTPN is then spent. Otherwise the 422 refusal.
    /// </summary>
    private protected RestReply? PaymentRefusal(RestRequest request, long fee) =>
        Context.Ledger.TryClaim(request.Field("ntpn"), fee, Agency) switch
        {
            NtpnClaim.Claimed => null,
            NtpnClaim.AlreadyUsed => RestReply.Error(422, "PEMBAYARAN_TIDAK_VALID", "NTPN sudah digunakan untuk permohonan lain"),
            _ => RestReply.Error(422, "PEMBAYARAN_TIDAK_VALID", "NTPN tidak ditemukan, belum lunas atau kurang dari tarif"),
        };

    private protected RestReply GetCase(string reference) =>
        Cases.Body(reference) is { } body ? RestReply.Raw(200, body) : RestReply.NotFound("Permohonan");

    private protected RestReply OpenCase(string reference, IReadOnlyList<CaseStage> stages, IReadOnlyDictionary<string, string>? fields = null) =>
        RestReply.Raw(201, Cases.Open(reference, stages, fields));
}
