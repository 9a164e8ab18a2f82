using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Paspor;

/// <summary>Imigrasi passport: interview appointments from the office quota, applications and their status.</summary>
public sealed class PasporAdapter : CompiledAdapter
{
    public const string Agency = "paspor";

    private static readonly KodePesanErrorMapper Errors = new(new Dictionary<string, AgencyErrorKind>
    {
        ["KUOTA_HABIS"] = AgencyErrorKind.Permanent,
        ["JADWAL_SUDAH_DIGUNAKAN"] = AgencyErrorKind.Permanent,
    });

    private static readonly CaseStatusMap Statuses = new(new Dictionary<string, AgencyCaseStatus>
    {
        ["TERKIRIM"] = AgencyCaseStatus.Received,
        ["MENUNGGU_WAWANCARA"] = AgencyCaseStatus.AwaitingAppointment,
        ["PROSES_CETAK"] = AgencyCaseStatus.InProgress,
        ["TERBIT"] = AgencyCaseStatus.Completed,
        ["DITOLAK"] = AgencyCaseStatus.Rejected,
        ["BATAL"] = AgencyCaseStatus.Cancelled,
        ["DIBATALKAN"] = AgencyCaseStatus.Cancelled,
    });

    private readonly IPasporApi _paspor;
    private readonly PasporAdapterOptions _options;
    private readonly TimeProvider _clock;

    public PasporAdapter(IOptions<PasporAdapterOptions> options, IPasporApi paspor, TimeProvider clock)
        : base(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
        _options = options.Value;
        _paspor = paspor;
        _clock = clock;
        Handle(CanonicalCapabilities.PassportAppointmentBook, BookAsync);
        Handle(CanonicalCapabilities.PassportAppointmentCancel, async (request, context, ct) =>
        {
            var cancelled = await _paspor.CancelAsync(request.AppointmentId, context.IdempotencyKey!, ct).ConfigureAwait(false);
            return Statuses.ToCase(cancelled.AppointmentId, cancelled.Status, _clock.GetUtcNow(), request.Reason);
        });
        Handle(CanonicalCapabilities.PassportApplicationSubmit, async (request, context, ct) => ToCase(await _paspor.ApplyAsync(
            new PassportApplication(
                request.Nik.Value, request.AppointmentId, request.Kind == PassportKind.Electronic ? "ELEKTRONIK" : "BIASA",
                ServiceType(request.ServiceType), request.PaymentProof),
            context.IdempotencyKey!,
            ct).ConfigureAwait(false)));
        Handle(CanonicalCapabilities.PassportApplicationStatus, async (query, _, ct) => ToCase(await _paspor.GetApplicationAsync(query.Reference, ct).ConfigureAwait(false)));
    }

    protected override IAgencyErrorBodyMapper ErrorBodyMapper => Errors;

    /// <summary>Books the first date from the preferred one that still has quota at the office.</summary>
    private async Task<PassportAppointment> BookAsync(PassportAppointmentRequest request, CallContext context, CancellationToken cancellationToken)
    {
        for (var day = 0; day < _options.AppointmentSearchDays; day++)
        {
            var date = RestDates.Format(request.PreferredDate.AddDays(day));
            var quota = await _paspor.GetQuotaAsync(request.OfficeCode, date, cancellationToken).ConfigureAwait(false);
            if (quota.Left > 0)
            {
                var booked = await _paspor.BookAsync(
                    new AppointmentBooking(request.Nik.Value, request.OfficeCode, date, ServiceType(request.ServiceType)),
                    context.IdempotencyKey!,
                    cancellationToken).ConfigureAwait(false);
                return new PassportAppointment(booked.AppointmentId, booked.OfficeCode, RestDates.Parse(booked.Date), booked.Slot);
            }
        }

        throw new AgencyException(AgencyFailures.Create(
            Agency, AgencyErrorKind.Permanent, "paspor.no-quota", "The office has no interview slot left in the dates searched."));
    }

    private static string ServiceType(PassportServiceType type) => type == PassportServiceType.FastTrack ? "PERCEPATAN" : "REGULER";

    internal static AgencyCase ToCase(PassportCase answer) => Statuses.ToCase(
        answer.Reference,
        answer.Status,
        answer.UpdatedAt,
        answer.Reason is null ? null : "Imigrasi did not proceed with the application.",
        ("interviewAt", answer.InterviewAt),
        ("officeCode", answer.OfficeCode),
        ("passportNumber", answer.PassportNumber),
        ("validUntil", answer.ValidUntil));
}
