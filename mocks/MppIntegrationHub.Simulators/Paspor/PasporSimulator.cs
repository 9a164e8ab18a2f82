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

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Appointment> _appointments = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, PassportOffice> _offices = new Dictionary<string, PassportOffice>();

    internal PasporSimulator(SimulatorContext context)
        : base(AgencyIds.Paspor, "nomor_permohonan", context)
    {
    }

    private protected override IAgencyDialect Dialect => RestDialect.Instance;

    public static long Fee(string passportKind) => passportKind == "ELEKTRONIK" ? 650_000 : 350_000;

    private protected override void Map(WireMockServer server)
    {
        _offices = PassportOffice.Load(Context.MappingsFolder);
        var api = RestApi(server, "/paspor/api/v1");
        api.Get("/kantor/([^/]+)/kuota", Quota);
        api.Post("/jadwal", Book);
        api.Delete("/jadwal/([^/]+)", Cancel);
        api.Post("/permohonan", Apply);
        api.Get("/permohonan/([^/]+)", request => GetCase(request.Route(0)));
    }

    private RestReply Quota(RestRequest request)
    {
        if (!_offices.TryGetValue(request.Route(0), out var office))
        {
            return RestReply.NotFound("Kantor");
        }

        if (!TryDate(request.Query("tanggal"), out var date))
        {
            return RestReply.Invalid("tanggal wajib berformat yyyy-MM-dd");
        }

        lock (_lock)
        {
            var free = FreeSlots(office, date).ToArray();
            return RestReply.Ok(new QuotaBody(office.Code, RestFormats.Date(date), free.Sum(s => s.Left), [.. free.Select(s => PassportOffice.Slots[s.Slot])]));
        }
    }

    private RestReply Book(RestRequest request)
    {
        if (!CitizenChecks.TryResolve(Context.Population, request.Field("nik"), out var citizen, out var refusal))
        {
            return refusal;
        }

        if (!_offices.TryGetValue(request.Field("kode_kantor") ?? string.Empty, out var office) || !TryDate(request.Field("tanggal"), out var date))
        {
            return RestReply.Invalid("kode_kantor dan tanggal (yyyy-MM-dd) wajib diisi");
        }

        if (date < RestFormats.Today(Context.Clock))
        {
            return RestReply.Invalid("tanggal tidak boleh di masa lalu");
        }

        lock (_lock)
        {
            if (FreeSlots(office, date).FirstOrDefault() is not { Left: > 0 } free)
            {
                return RestReply.Error(409, "KUOTA_HABIS", "Kuota wawancara pada tanggal tersebut habis");
            }

            var code = $"JDW-{NextSequence():D8}";
            var appointment = new Appointment(code, citizen.Nik.Value, office.Code, date, free.Slot, request.Field("jenis_layanan") ?? "REGULER");
            _appointments.Add(code, appointment);
            return RestReply.Created(new AppointmentBody(code, office.Code, RestFormats.Date(date), PassportOffice.Slots[free.Slot]));
        }
    }

    private RestReply Cancel(RestRequest request)
    {
        lock (_lock)
        {
            if (!_appointments.TryGetValue(request.Route(0), out var appointment) || appointment.Cancelled)
            {
                return RestReply.NotFound("Jadwal");
            }

            if (appointment.Used)
            {
                return RestReply.Error(409, "JADWAL_SUDAH_DIGUNAKAN", "Jadwal sudah dipakai untuk permohonan");
            }

            _appointments[appointment.Code] = appointment with { Cancelled = true };
            return RestReply.Ok(new { kode_jadwal = appointment.Code, status = "DIBATALKAN" });
        }
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

        lock (_lock)
        {
            if (!_appointments.TryGetValue(request.Field("kode_jadwal") ?? string.Empty, out var appointment)
                || appointment.Cancelled || appointment.Used || appointment.Nik != citizen.Nik.Value)
            {
                return RestReply.Error(422, "JADWAL_TIDAK_VALID", "Jadwal tidak ditemukan, dibatalkan, sudah dipakai atau milik NIK lain");
            }

            if (PaymentRefusal(request, Fee(kind)) is { } unpaid)
            {
                return unpaid;
            }

            _appointments[appointment.Code] = appointment with { Used = true };
            var sequence = NextSequence();
            var slot = PassportOffice.Slots[appointment.Slot];
            var interviewStart = At(appointment.Date, slot[..5]);
            var interviewEnd = At(appointment.Date, slot[6..]);
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
    }

    private IEnumerable<(int Slot, int Left)> FreeSlots(PassportOffice office, DateOnly date)
    {
        for (var slot = 0; slot < PassportOffice.Slots.Length; slot++)
        {
            var taken = _appointments.Values.Count(a => !a.Cancelled && a.Office == office.Code && a.Date == date && a.Slot == slot);
            var left = office.Capacity(slot, date) - taken;
            if (left > 0)
            {
                yield return (slot, left);
            }
        }
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

    private sealed record Appointment(string Code, string Nik, string Office, DateOnly Date, int Slot, string Service)
    {
        public bool Cancelled { get; init; }

        public bool Used { get; init; }
    }

    private sealed record QuotaBody(string KodeKantor, string Tanggal, int SisaKuota, IReadOnlyList<string> Slot);

    private sealed record AppointmentBody(string KodeJadwal, string KodeKantor, string Tanggal, string Jam);
}
