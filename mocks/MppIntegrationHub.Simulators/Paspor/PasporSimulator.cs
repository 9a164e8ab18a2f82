using System.Globalization;
using MppIntegrationHub.Simulators.Cases;
using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.Hosting;
using MppIntegrationHub.Simulators.Rest;
using WireMock.Server;

namespace MppIntegrationHub.Simulators.Paspor;

/// <summary>
/// Imigrasi passport (<c>/paspor/api/v1</c>): office quota and interview slots, applications TERKIRIM →
/// MENUNGGU_WAWANCARA → PROSES_CETAK (after the interview) → TERBIT (3 working days later; same day for PERCEPATAN).
/// </summary>
public sealed class PasporSimulator : CaseSimulator
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private InterviewSlots _slots = new(new Dictionary<string, PassportOffice>());

    internal PasporSimulator(SimulatorContext context)
        : base(AgencyIds.Paspor, "nomor_permohonan", context)
    {
    }

    private protected override IAgencyDialect Dialect => RestDialect.Instance;

    public static long Fee(string passportKind) => passportKind == "ELEKTRONIK" ? 650_000 : 350_000;

    private protected override void Map(WireMockServer server)
    {
        _slots = new InterviewSlots(PassportOffice.Load(Context.MappingsFolder));
        var api = RestApi(server, "/paspor/api/v1");
        api.Get("/kantor/([^/]+)/kuota", Quota);
        api.Post("/jadwal", Book);
        api.Delete("/jadwal/([^/]+)", request => _slots.Cancel(request.Route(0)) switch
        {
            CancelOutcome.Cancelled => RestReply.Ok(new { kode_jadwal = request.Route(0), status = "DIBATALKAN" }),
            CancelOutcome.AlreadyUsed => RestReply.Error(409, "JADWAL_SUDAH_DIGUNAKAN", "Jadwal sudah dipakai untuk permohonan"),
            _ => RestReply.NotFound("Jadwal"),
        });
        api.Post("/permohonan", Apply);
        api.Get("/permohonan/([^/]+)", request => GetCase(request.Route(0)));
    }

    private RestReply Quota(RestRequest request)
    {
        if (!_slots.TryGetOffice(request.Route(0), out var office))
        {
            return RestReply.NotFound("Kantor");
        }

        if (!TryDate(request.Query("tanggal"), out var date))
        {
            return RestReply.Invalid("tanggal wajib berformat yyyy-MM-dd");
        }

        var free = _slots.Free(office, date);
        return RestReply.Ok(new QuotaBody(office.Code, RestFormats.Date(date), free.Sum(s => s.Left), [.. free.Select(s => PassportOffice.Slots[s.Slot])]));
    }

    private RestReply Book(RestRequest request)
    {
        if (!CitizenChecks.TryResolve(Context.Population, request.Field("nik"), out var citizen, out var refusal))
        {
            return refusal;
        }

        if (!_slots.TryGetOffice(request.Field("kode_kantor"), out var office) || !TryDate(request.Field("tanggal"), out var date))
        {
            return RestReply.Invalid("kode_kantor dan tanggal (yyyy-MM-dd) wajib diisi");
        }

        if (date < RestFormats.Today(Context.Clock))
        {
            return RestReply.Invalid("tanggal tidak boleh di masa lalu");
        }

        return _slots.Book(citizen.Nik.Value, office, date, request.Field("jenis_layanan") ?? "REGULER") is { } appointment
            ? RestReply.Created(new AppointmentBody(appointment.Code, office.Code, RestFormats.Date(date), appointment.Hours))
            : RestReply.Error(409, "KUOTA_HABIS", "Kuota wawancara pada tanggal tersebut habis");
    }

    private RestReply Apply(RestRequest request)
    {
        if (!CitizenChecks.TryResolve(Context.Population, request.Field("nik"), out var citizen, out var refusal))
        {
            return refusal;
        }

        var kind = request.Field("jenis_paspor");
        if (kind is not ("BIASA" or "ELEKTRONIK"))
        {
            return RestReply.Invalid("jenis_paspor harus BIASA atau ELEKTRONIK");
        }

        if (_slots.Usable(request.Field("kode_jadwal"), citizen.Nik.Value) is not { } appointment)
        {
            return RestReply.Error(422, "JADWAL_TIDAK_VALID", "Jadwal tidak ditemukan, dibatalkan, sudah dipakai atau milik NIK lain");
        }

        if (PaymentRefusal(request, Fee(kind)) is { } unpaid)
        {
            return unpaid;
        }

        _slots.MarkUsed(appointment.Code);
        var sequence = NextSequence();
        var interviewStart = At(appointment.Date, appointment.Hours[..5]);
        var interviewEnd = At(appointment.Date, appointment.Hours[6..]);
        var fastTrack = (request.Field("jenis_layanan") ?? appointment.Service) == "PERCEPATAN";
        var printed = fastTrack ? TimeSpan.FromHours(4) : WorkingDaysAfter(interviewEnd, 3) - interviewEnd;
        var untilInterview = interviewEnd - Context.Clock.GetUtcNow();
        return OpenCase($"PSP-{RestFormats.Today(Context.Clock):yyyyMMdd}-{sequence:D6}",
        [
            new CaseStage("TERKIRIM", TimeSpan.Zero),
            new CaseStage("MENUNGGU_WAWANCARA", TimeSpan.Zero, _ => new Dictionary<string, string>
            {
                ["jadwal_wawancara"] = RestFormats.Time(interviewStart),
                ["kode_kantor"] = appointment.Office,
            }),
            new CaseStage("PROSES_CETAK", untilInterview > TimeSpan.Zero ? untilInterview : TimeSpan.Zero),
            new CaseStage("TERBIT", printed, at => new Dictionary<string, string>
            {
                ["nomor_paspor"] = $"{(kind == "ELEKTRONIK" ? 'E' : 'C')}{sequence:D7}",
                ["berlaku_sampai"] = RestFormats.Date(DateOnly.FromDateTime(at.DateTime).AddYears(10)),
            }),
        ]);
    }

    private static DateTimeOffset At(DateOnly date, string time) =>
        new(date.ToDateTime(TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture)), Wib);

    private static DateTimeOffset WorkingDaysAfter(DateTimeOffset start, int days)
    {
        var at = start;
        while (days > 0)
        {
            at = at.AddDays(1);
            if (at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return at;
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private sealed record QuotaBody(string KodeKantor, string Tanggal, int SisaKuota, IReadOnlyList<string> Slot);

    private sealed record AppointmentBody(string KodeJadwal, string KodeKantor, string Tanggal, string Jam);
}
