using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Adapters.Redaction;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Adapters.SatuSehat.Fhir;
using MppIntegrationHub.Adapters.SatuSehat.Health;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Health;
using FhirEncounter = Hl7.Fhir.Model.Encounter;
using FhirImmunization = Hl7.Fhir.Model.Immunization;

namespace MppIntegrationHub.Adapters.SatuSehat;

/// <summary>SATUSEHAT: the citizen's health summary, from FHIR R4 searches by NIK and then by patient.</summary>
public sealed partial class SatuSehatAdapter : CompiledAdapter
{
    public const string Agency = "satusehat";

    private const string NikSystem = "https://fhir.kemkes.go.id/id/nik";

    private static readonly OperationOutcomeErrorMapper Errors = new();

    private readonly ISatuSehatFhirApi _fhir;
    private readonly ILogger<SatuSehatAdapter> _logger;

    public SatuSehatAdapter(IOptions<SatuSehatAdapterOptions> options, ISatuSehatFhirApi fhir, ILogger<SatuSehatAdapter> logger)
        : base(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
        _fhir = fhir;
        _logger = logger;
        Handle(CanonicalCapabilities.HealthSummary, SummaryAsync);
    }

    protected override IAgencyErrorBodyMapper ErrorBodyMapper => Errors;

    private async Task<HealthSummary> SummaryAsync(CitizenQuery query, CallContext context, CancellationToken cancellationToken)
    {
        var patients = FhirReader.Entries<Patient>(
            await _fhir.SearchPatientAsync($"{NikSystem}|{query.Nik.Value}", cancellationToken).ConfigureAwait(false)).ToList();
        if (patients is not [{ Id: { Length: > 0 } patientId }])
        {
            throw new AgencyException(patients.Count == 0
                ? AgencyFailures.Create(Agency, AgencyErrorKind.NotFound, "satusehat.patient-not-found", "SATUSEHAT has no health record for this citizen.")
                : AgencyFailures.Create(Agency, AgencyErrorKind.Permanent, "satusehat.patient-ambiguous", "SATUSEHAT holds more than one patient for this citizen."));
        }

        var subject = $"Patient/{patientId}";
        var conditions = SearchAsync<Condition>("Condition", subject, cancellationToken);
        var immunizations = SearchAsync<FhirImmunization>("Immunization", subject, cancellationToken);
        var allergies = SearchAsync<AllergyIntolerance>("AllergyIntolerance", subject, cancellationToken);
        var observations = SearchAsync<Observation>("Observation", subject, cancellationToken);
        var encounters = SearchAsync<FhirEncounter>("Encounter", subject, cancellationToken);
        await System.Threading.Tasks.Task.WhenAll(conditions, immunizations, allergies, observations, encounters).ConfigureAwait(false);

        var summary = HealthSummaryMapping.Map(
            query.Nik, patientId, await conditions.ConfigureAwait(false), await immunizations.ConfigureAwait(false),
            await allergies.ConfigureAwait(false), await observations.ConfigureAwait(false), await encounters.ConfigureAwait(false));
        SummaryRead(_logger, query.Nik.Value, summary.Conditions.Count, summary.Encounters.Count);
        return summary;
    }

    private async Task<List<T>> SearchAsync<T>(string resourceType, string subject, CancellationToken cancellationToken)
        where T : Resource =>
        [.. FhirReader.Entries<T>(await _fhir.SearchBySubjectAsync(resourceType, subject, cancellationToken).ConfigureAwait(false))];

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Health summary of {Nik} read: {Conditions} conditions, {Encounters} encounters")]
    private static partial void SummaryRead(ILogger logger, [Nik] string nik, int conditions, int encounters);
}
