using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Sim;

/// <summary>Korlantas SIM: renewal eligibility, e-Rikkes and e-PPsi results, renewal and its status.</summary>
public sealed class SimAdapter : CompiledAdapter
{
    public const string Agency = "sim";

    private readonly ISimApi _sim;

    public SimAdapter(IOptions<SimAdapterOptions> options, ISimApi sim)
        : base(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
        _sim = sim;
        Handle(CanonicalCapabilities.DrivingLicenceEligibility, (query, _, ct) => EligibilityAsync(query, ct));
        Handle(CanonicalCapabilities.DrivingHealthResult, async (query, _, ct) =>
            ToResult(await _sim.GetHealthCertificateAsync(query.Nik.Value, ct).ConfigureAwait(false), "MEMENUHI_SYARAT"));
        Handle(CanonicalCapabilities.DrivingPsychologyResult, async (query, _, ct) =>
            ToResult(await _sim.GetPsychologyTestAsync(query.Nik.Value, ct).ConfigureAwait(false), "LULUS"));
        Handle(CanonicalCapabilities.DrivingLicenceRenew, async (request, context, ct) => ToCase(await _sim.RenewAsync(
            new RenewalApplication(
                request.Nik.Value, request.LicenceNumber, SimVocabulary.Code(request.Class), request.HealthCertificateNumber,
                request.PsychologyCertificateNumber, request.PaymentProof, request.Delivery == LicenceDelivery.Courier ? "KIRIM" : "AMBIL"),
            context.IdempotencyKey!,
            ct).ConfigureAwait(false)));
        Handle(CanonicalCapabilities.DrivingLicenceStatus, async (query, _, ct) => ToCase(await _sim.GetRenewalAsync(query.Reference, ct).ConfigureAwait(false)));
    }

    protected override IAgencyErrorBodyMapper ErrorBodyMapper => SimVocabulary.Errors;

    private async Task<LicenceRenewalEligibility> EligibilityAsync(DrivingLicenceQuery query, CancellationToken cancellationToken)
    {
        var licences = (await _sim.GetLicencesAsync(query.Nik.Value, cancellationToken).ConfigureAwait(false)).Data
            .Select(l => new DrivingLicence(l.Number, SimVocabulary.ToClass(l.Class), RestDates.Parse(l.IssuedOn), RestDates.Parse(l.ExpiresOn)))
            .Where(l => query.Class is null || l.Class == query.Class)
            .OrderByDescending(l => l.ExpiresOn)
            .ToList();
        if (licences is not [var licence, ..])
        {
            throw new AgencyException(AgencyFailures.Create(Agency, AgencyErrorKind.NotFound, "sim.licence-not-found", "Korlantas holds no such licence for this citizen."));
        }

        var eligibility = await _sim.GetEligibilityAsync(licence.Number, cancellationToken).ConfigureAwait(false);
        return new LicenceRenewalEligibility(eligibility.Eligible, licence, SimVocabulary.Reason(eligibility.Reason));
    }

    private static LicenceTestResult ToResult(TestCertificate certificate, string passed) => new(
        certificate.Number,
        certificate.Result == passed,
        RestDates.Parse(certificate.ExaminedOn ?? certificate.TestedOn ?? throw new FormatException("A test certificate has no date.")),
        RestDates.Parse(certificate.ValidUntil));

    internal static AgencyCase ToCase(RenewalCase answer) => SimVocabulary.Statuses.ToCase(
        answer.Reference,
        answer.Status,
        answer.UpdatedAt,
        answer.Reason is null ? null : "Korlantas refused the renewal.",
        ("licenceNumber", answer.NewLicenceNumber),
        ("validUntil", answer.ValidUntil));
}
