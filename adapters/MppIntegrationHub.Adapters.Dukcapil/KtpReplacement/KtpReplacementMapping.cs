using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Dukcapil.KtpReplacement;

/// <summary>e-KTP replacement statuses, reasons and error codes in canonical terms.</summary>
public static class KtpReplacementMapping
{
    public static readonly CaseStatusMap Statuses = new(new Dictionary<string, AgencyCaseStatus>
    {
        ["DITERIMA"] = AgencyCaseStatus.Received,
        ["VERIFIKASI"] = AgencyCaseStatus.InProgress,
        ["DICETAK"] = AgencyCaseStatus.InProgress,
        ["SIAP_DIAMBIL"] = AgencyCaseStatus.Completed,
        ["DITOLAK"] = AgencyCaseStatus.Rejected,
    });

    public static readonly KodePesanErrorMapper Errors = new(new Dictionary<string, AgencyErrorKind>
    {
        ["SURAT_KEHILANGAN_WAJIB"] = AgencyErrorKind.InvalidRequest,
    });

    public static KtpReplacementBody ToBody(KtpReplacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(
            request.Nik.Value,
            request.Reason switch
            {
                DocumentReplacementReason.Lost => "HILANG",
                DocumentReplacementReason.Damaged => "RUSAK",
                _ => "PERUBAHAN_DATA",
            },
            request.LossReportNumber,
            request.PickupRegion);
    }

    public static AgencyCase ToCase(KtpReplacementCase answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Statuses.ToCase(answer.Reference, answer.Status, answer.UpdatedAt, answer.Reason, ("pickupLocation", answer.PickupLocation));
    }
}
