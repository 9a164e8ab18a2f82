using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Skck;

/// <summary>Polri SKCK: submit a police clearance application, follow it to issue or rejection.</summary>
public sealed class SkckAdapter : CompiledAdapter
{
    public const string Agency = "skck";

    private static readonly KodePesanErrorMapper Errors = new(new Dictionary<string, AgencyErrorKind>());

    private static readonly CaseStatusMap Statuses = new(new Dictionary<string, AgencyCaseStatus>
    {
        ["DIAJUKAN"] = AgencyCaseStatus.Received,
        ["MENUNGGU_PEMBAYARAN"] = AgencyCaseStatus.AwaitingPayment,
        ["DIBAYAR"] = AgencyCaseStatus.Received,
        ["VERIFIKASI"] = AgencyCaseStatus.InProgress,
        ["TERBIT"] = AgencyCaseStatus.Completed,
        ["DITOLAK"] = AgencyCaseStatus.Rejected,
        ["KEDALUWARSA"] = AgencyCaseStatus.Expired,
    });

    private readonly ISkckApi _skck;

    public SkckAdapter(IOptions<SkckAdapterOptions> options, ISkckApi skck)
        : base(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
        _skck = skck;
        Handle(CanonicalCapabilities.PoliceClearanceSubmit, async (request, context, ct) => ToCase(await _skck.SubmitAsync(
            new SkckApplication(request.Nik.Value, request.Purpose, request.OfficeLevel.ToString().ToUpperInvariant(), request.OfficeRegion, request.PaymentProof),
            context.IdempotencyKey!,
            ct).ConfigureAwait(false)));
        Handle(CanonicalCapabilities.PoliceClearanceStatus, async (query, _, ct) => ToCase(await _skck.GetAsync(query.Reference, ct).ConfigureAwait(false)));
    }

    protected override IAgencyErrorBodyMapper ErrorBodyMapper => Errors;

    internal static AgencyCase ToCase(SkckCase answer) => Statuses.ToCase(
        answer.Reference,
        answer.Status,
        answer.UpdatedAt,
        answer.Reason switch
        {
            null => null,
            "CATATAN_KRIMINAL" => "A police record was found.",
            "DOKUMEN_TIDAK_VALID" => "The documents were not accepted.",
            _ => "Rejected by Polri.",
        },
        ("certificateNumber", answer.CertificateNumber),
        ("validUntil", answer.ValidUntil is { } validUntil ? RestDates.Format(RestDates.Parse(validUntil)) : null));
}
