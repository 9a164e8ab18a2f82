using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.Hosting;
using MppIntegrationHub.Simulators.Rest;
using WireMock.Server;

namespace MppIntegrationHub.Simulators.Simponi;

/// <summary>PNBP billing (SIMPONI), <c>/simponi/api/v1</c>: billing codes, payment by the bank (tester action), status.</summary>
public sealed class SimponiSimulator : AgencySimulator
{
    private static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(2);

    internal SimponiSimulator(SimulatorContext context)
        : base(AgencyIds.Simponi, context, quota: null)
    {
    }

    public BillingLedger Ledger => Context.Ledger;

    private protected override IAgencyDialect Dialect => RestDialect.Instance;

    /// <summary>Pays a billing code as the bank would; returns the NTPN, or null when the code is unknown or expired.</summary>
    public string? Pay(string billingCode)
    {
        var paid = Context.Ledger.Pay(billingCode);
        if (paid?.Status == BillingEntryStatus.Paid)
        {
            Context.Callbacks.Enqueue(Agency, View(paid).Json);
        }

        return paid?.Ntpn;
    }

    private protected override void Map(WireMockServer server)
    {
        var api = RestApi(server, "/simponi/api/v1");
        api.Post("/billing", Create);
        api.Get("/billing/([0-9]+)", request => Context.Ledger.Find(request.Route(0)) is { } entry ? View(entry) : RestReply.NotFound("Kode billing"));
        api.Action("/billing/([0-9]+)/bayar", request =>
        {
            var code = request.Route(0);
            var before = Context.Ledger.Find(code);
            if (before is null)
            {
                return RestReply.NotFound("Kode billing");
            }

            if (before.Status == BillingEntryStatus.Expired)
            {
                return RestReply.Error(422, "BILLING_KEDALUWARSA", "Kode billing sudah kedaluwarsa");
            }

            Pay(code);
            return View(Context.Ledger.Find(code)!);
        });
    }

    private RestReply Create(RestRequest request)
    {
        var nik = request.Field("nik_wajib_bayar");
        var name = request.Field("nama_wajib_bayar");
        var agencyCode = request.Field("kode_kl");
        var account = request.Field("kode_akun");
        var amount = request.Number("jumlah");
        if (nik is null || name is null || agencyCode is null || account is not { Length: 6 } || amount is not > 0)
        {
            return RestReply.Invalid("nik_wajib_bayar, nama_wajib_bayar, kode_kl, kode_akun (6 digit) dan jumlah wajib diisi");
        }

        var validity = request.Number("masa_berlaku_menit") is { } minutes and > 0 ? TimeSpan.FromMinutes(minutes) : DefaultValidity;
        var entry = Context.Ledger.Create(nik, name, agencyCode, account, amount.Value, request.Field("keterangan") ?? string.Empty, validity);
        return RestReply.Created(Body(entry));
    }

    private static RestReply View(BillingEntry entry) => RestReply.Ok(Body(entry));

    private static BillingBody Body(BillingEntry entry) => new(
        entry.Code,
        entry.Amount,
        RestFormats.Time(entry.CreatedAt),
        RestFormats.Time(entry.ExpiresAt),
        entry.Status switch
        {
            BillingEntryStatus.Paid => "SUDAH_DIBAYAR",
            BillingEntryStatus.Expired => "KEDALUWARSA",
            _ => "BELUM_DIBAYAR",
        },
        entry.Ntb,
        entry.Ntpn,
        entry.PaidAt is { } paidAt ? RestFormats.Time(paidAt) : null);

    private sealed record BillingBody(
        string KodeBilling,
        long Jumlah,
        string TanggalBilling,
        string TanggalKedaluwarsa,
        string Status,
        string? Ntb,
        string? Ntpn,
        string? TanggalBayar);
}
