using MppIntegrationHub.Contracts.Regions;
using MppIntegrationHub.Simulators.Cases;
using MppIntegrationHub.Simulators.Hosting;
using MppIntegrationHub.Simulators.Rest;

namespace MppIntegrationHub.Simulators.Dukcapil;

/// <summary>e-KTP replacement (<c>/dukcapil/api/v1/penggantian-ktp</c>): no fee; DITERIMA → VERIFIKASI → DICETAK → SIAP_DIAMBIL.</summary>
internal static class KtpReplacement
{
    private static readonly string[] Reasons = ["HILANG", "RUSAK", "PERUBAHAN_DATA"];

    public static void Map(RestApi api, DukcapilSimulator dukcapil, SimulatorContext context)
    {
        api.Post("/penggantian-ktp", request =>
        {
            if (!CitizenChecks.TryResolve(context.Population, request.Field("nik"), out _, out var refusal))
            {
                return refusal;
            }

            var reason = request.Field("alasan");
            if (reason is null || !Reasons.Contains(reason, StringComparer.Ordinal))
            {
                return RestReply.Invalid("alasan harus HILANG, RUSAK atau PERUBAHAN_DATA");
            }

            if (reason == "HILANG" && request.Field("nomor_surat_kehilangan") is null)
            {
                return RestReply.Error(422, "SURAT_KEHILANGAN_WAJIB", "KTP hilang wajib disertai surat keterangan kehilangan dari kepolisian");
            }

            var pickUp = request.Field("kode_wilayah_pengambilan");
            if (pickUp is null || !RegionDirectory.Default.TryGet(pickUp, out var region))
            {
                return RestReply.Invalid("kode_wilayah_pengambilan bukan kode wilayah Kemendagri");
            }

            var office = region.Level == RegionLevel.Province ? region : AncestorAt(region, RegionLevel.Regency);
            var reference = $"KTP-{RestFormats.Today(context.Clock):yyyyMMdd}-{dukcapil.Next():D6}";
            return dukcapil.Open(reference,
            [
                new CaseStage("DITERIMA", TimeSpan.Zero),
                new CaseStage("VERIFIKASI", TimeSpan.FromHours(1)),
                new CaseStage("DICETAK", TimeSpan.FromDays(1)),
                new CaseStage("SIAP_DIAMBIL", TimeSpan.FromDays(1), _ => new Dictionary<string, string>
                {
                    ["lokasi_pengambilan"] = $"Dinas Kependudukan dan Pencatatan Sipil {office.Name}",
                }),
            ]);
        });
        api.Get("/penggantian-ktp/([^/]+)", request => dukcapil.Read(request.Route(0)));
    }

    private static Region AncestorAt(Region region, RegionLevel level)
    {
        while (region.Level > level && region.Parent is { } parent)
        {
            region = parent;
        }

        return region;
    }
}
