using MppIntegrationHub.Simulators.Cases;
using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.Hosting;
using MppIntegrationHub.Simulators.Rest;
using WireMock.Server;

namespace MppIntegrationHub.Simulators.Skck;

/// <summary>
/// Polri SKCK (<c>/skck/api/v1</c>): applications paid in advance; DIBAYAR → VERIFIKASI (1 hour) → TERBIT or, for a
/// citizen with a police record, DITOLAK (3 days) → KEDALUWARSA when the certificate's 6 months run out.
/// </summary>
public sealed class SkckSimulator : CaseSimulator
{
    /// <summary>The PNBP fee for a new SKCK, in rupiah.</summary>
    public const long Fee = 30_000;

    private static readonly string[] Levels = ["POLSEK", "POLRES", "POLDA", "MABES"];
    private static readonly string[] RomanMonths = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    internal SkckSimulator(SimulatorContext context)
        : base(AgencyIds.Skck, "nomor_registrasi", context)
    {
    }

    private protected override IAgencyDialect Dialect => RestDialect.Instance;

    private protected override void Map(WireMockServer server)
    {
        var api = RestApi(server, "/skck/api/v1");
        api.Post("/permohonan", Submit);
        api.Get("/permohonan/([^/]+)", request => GetCase(request.Route(0)));
    }

    private RestReply Submit(RestRequest request)
    {
        if (!CitizenChecks.TryResolve(Context.Population, request.Field("nik"), out var citizen, out var refusal))
        {
            return refusal;
        }

        var level = request.Field("tingkat_kantor");
        if (request.Field("keperluan") is null || level is null || !Levels.Contains(level, StringComparer.Ordinal))
        {
            return RestReply.Invalid("keperluan dan tingkat_kantor (POLSEK|POLRES|POLDA|MABES) wajib diisi");
        }

        if (PaymentRefusal(request, Fee) is { } unpaid)
        {
            return unpaid;
        }

        var sequence = NextSequence();
        var office = request.Field("kode_wilayah_kantor") is { Length: >= 4 } code ? code.Replace(".", string.Empty, StringComparison.Ordinal)[..4] : citizen.Nik.Value[..4];
        var reference = $"SKCK-{office}-{RestFormats.Today(Context.Clock):yyyyMMdd}-{sequence:D6}";
        var verification = TimeSpan.FromHours(1);
        var decision = TimeSpan.FromDays(3);
        var decidedAt = Context.Clock.GetUtcNow() + verification + decision;
        CaseStage outcome = citizen.PoliceRecord is null
            ? new("TERBIT", decision, at => new Dictionary<string, string>
            {
                ["nomor_skck"] = $"SKCK/{sequence:D6}/{RomanMonths[at.Month - 1]}/{at.Year}/{level}",
                ["berlaku_sampai"] = RestFormats.Date(DateOnly.FromDateTime(at.DateTime).AddMonths(6)),
            })
            : new("DITOLAK", decision, _ => new Dictionary<string, string> { ["alasan"] = "CATATAN_KRIMINAL" });
        List<CaseStage> stages = [new("DIBAYAR", TimeSpan.Zero), new("VERIFIKASI", verification), outcome];
        if (citizen.PoliceRecord is null)
        {
            stages.Add(new CaseStage("KEDALUWARSA", decidedAt.AddMonths(6) - decidedAt));
        }

        return OpenCase(reference, stages);
    }
}
