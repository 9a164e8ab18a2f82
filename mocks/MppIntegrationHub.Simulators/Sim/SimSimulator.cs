using System.Collections.Frozen;
using MppIntegrationHub.Simulators.Cases;
using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.Hosting;
using MppIntegrationHub.Simulators.People;
using MppIntegrationHub.Simulators.Rest;
using WireMock.Server;

namespace MppIntegrationHub.Simulators.Sim;

/// <summary>
/// Korlantas SIM (<c>/sim/api/v1</c>): licences, renewal eligibility, e-Rikkes and e-PPsi results, renewals
/// DITERIMA → DIPROSES (1 hour) → DICETAK (1 day) → SELESAI (2 days).
/// </summary>
public sealed class SimSimulator : CaseSimulator
{
    private readonly Lazy<FrozenDictionary<string, (Citizen Citizen, LicenceRecord Licence)>> _licences;

    internal SimSimulator(SimulatorContext context)
        : base(AgencyIds.Sim, "nomor_permohonan", context)
    {
        _licences = new(() => context.Population.Citizens
            .SelectMany(c => c.Licences.Select(l => (Citizen: c, Licence: l)))
            .ToFrozenDictionary(x => x.Licence.Number, StringComparer.Ordinal));
    }

    private protected override IAgencyDialect Dialect => RestDialect.Instance;

    private DateOnly Today => RestFormats.Today(Context.Clock);

    private protected override void Map(WireMockServer server)
    {
        var api = RestApi(server, "/sim/api/v1");
        api.Get("/sim", request => RestReply.Ok(new
        {
            data = (Context.Population.TryFind(request.Query("nik") ?? string.Empty, out var citizen) ? citizen.Licences : [])
                .Select(l => new LicenceBody(l.Number, LicenceRules.Code(l.Class), RestFormats.Date(l.IssuedOn), RestFormats.Date(l.ExpiresOn))),
        }));
        api.Get("/sim/([^/]+)/kelayakan-perpanjangan", request => _licences.Value.TryGetValue(request.Route(0), out var held)
            ? RestReply.Ok(new EligibilityBody(
                held.Licence.Number,
                LicenceRules.Code(held.Licence.Class),
                LicenceRules.Refusal(held.Licence, Today) is null,
                LicenceRules.Refusal(held.Licence, Today),
                RestFormats.Date(LicenceRules.WindowStart(held.Licence)),
                RestFormats.Date(held.Licence.ExpiresOn)))
            : RestReply.NotFound("SIM"));
        api.Get("/erikkes", request => TestResult(request, c => c.HealthCertificate, "MEMENUHI_SYARAT", "TIDAK_MEMENUHI_SYARAT", "e-Rikkes"));
        api.Get("/eppsi", request => TestResult(request, c => c.PsychologyTest, "LULUS", "TIDAK_LULUS", "e-PPsi"));
        api.Post("/perpanjangan", Renew);
        api.Get("/perpanjangan/([^/]+)", request => GetCase(request.Route(0)));
    }

    private RestReply TestResult(RestRequest request, Func<Citizen, LicenceTest?> select, string passed, string failed, string what)
    {
        if (!Context.Population.TryFind(request.Query("nik") ?? string.Empty, out var citizen) || select(citizen) is not { } test)
        {
            return RestReply.NotFound(what);
        }

        var dateField = what == "e-PPsi" ? "tanggal_tes" : "tanggal_periksa";
        return RestReply.Ok(new Dictionary<string, string>
        {
            ["nomor_sertifikat"] = test.CertificateNumber,
            ["hasil"] = test.Passed ? passed : failed,
            [dateField] = RestFormats.Date(test.TakenOn),
            ["berlaku_sampai"] = RestFormats.Date(test.ValidUntil),
        });
    }

    private RestReply Renew(RestRequest request)
    {
        if (!CitizenChecks.TryResolve(Context.Population, request.Field("nik"), out var citizen, out var refusal))
        {
            return refusal;
        }

        if (!_licences.Value.TryGetValue(request.Field("nomor_sim") ?? string.Empty, out var held) || held.Citizen != citizen)
        {
            return RestReply.NotFound("SIM");
        }

        var licence = held.Licence;
        if (request.Field("golongan") != LicenceRules.Code(licence.Class))
        {
            return RestReply.Invalid("golongan tidak sesuai dengan SIM");
        }

        if (LicenceRules.Refusal(licence, Today) is { } code)
        {
            return RestReply.Error(422, code, "SIM tidak dapat diperpanjang secara daring");
        }

        if (citizen.HealthCertificate is not { Passed: true } rikkes || rikkes.CertificateNumber != request.Field("nomor_erikkes") || rikkes.ValidUntil < Today)
        {
            return RestReply.Error(422, "ERIKKES_TIDAK_VALID", "Sertifikat e-Rikkes tidak ditemukan, tidak memenuhi syarat atau kedaluwarsa");
        }

        if (citizen.PsychologyTest is not { Passed: true } ppsi || ppsi.CertificateNumber != request.Field("nomor_eppsi") || ppsi.ValidUntil < Today)
        {
            return RestReply.Error(422, "EPPSI_TIDAK_VALID", "Sertifikat e-PPsi tidak ditemukan, tidak lulus atau kedaluwarsa");
        }

        if (PaymentRefusal(request, LicenceRules.Fee(licence.Class)) is { } unpaid)
        {
            return unpaid;
        }

        var sequence = NextSequence();
        var reference = $"SIM-{RestFormats.Today(Context.Clock):yyyyMMdd}-{sequence:D6}";
        var renewed = AgencyRecords.Licence(licence.Class, licence.ExpiresOn.AddYears(5), 700_000 + sequence, int.Parse(licence.Number[..4], null));
        return OpenCase(reference,
        [
            new CaseStage("DITERIMA", TimeSpan.Zero),
            new CaseStage("DIPROSES", TimeSpan.FromHours(1)),
            new CaseStage("DICETAK", TimeSpan.FromDays(1)),
            new CaseStage("SELESAI", TimeSpan.FromDays(2), _ => new Dictionary<string, string>
            {
                ["nomor_sim_baru"] = renewed.Number,
                ["berlaku_sampai"] = RestFormats.Date(renewed.ExpiresOn),
            }),
        ], new Dictionary<string, string> { ["pengiriman"] = request.Field("pengiriman") ?? "AMBIL" });
    }

    private sealed record LicenceBody(string NomorSim, string Golongan, string TanggalTerbit, string BerlakuSampai);

    private sealed record EligibilityBody(string NomorSim, string Golongan, bool Layak, string? Alasan, string JendelaMulai, string BerlakuSampai);
}
