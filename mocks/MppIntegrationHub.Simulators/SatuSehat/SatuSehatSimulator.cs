using System.Web;
using Hl7.Fhir.Model;
using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.Hosting;
using MppIntegrationHub.Simulators.People;
using WireMock;
using WireMock.Server;

namespace MppIntegrationHub.Simulators.SatuSehat;

/// <summary>
/// SATUSEHAT: client-credentials tokens under <c>/oauth2/v1</c>, FHIR R4 searches and reads under <c>/fhir-r4/v1</c>
/// (bearer token required).
/// </summary>
public sealed class SatuSehatSimulator : AgencySimulator
{
    private readonly TokenIssuer _tokens;

    internal SatuSehatSimulator(SimulatorContext context)
        : base(AgencyIds.SatuSehat, context, quota: null)
    {
        _tokens = new TokenIssuer(context.Clock);
    }

    private protected override IAgencyDialect Dialect => SatuSehatDialect.Instance;

    private protected override void Map(WireMockServer server)
    {
        server.On("POST", "^/oauth2/v1/accesstoken$", IssueToken);
        server.On("GET", "^/fhir-r4/v1/Patient$", match => Authorized(match, () => SearchPatient(match)));
        server.On("GET", "^/fhir-r4/v1/Patient/([^/]+)$", match => Authorized(match, () =>
            Context.Population.TryFindPatient(match.Groups[0], out var citizen) && citizen.Health is not null
                ? FhirAnswers.Resource(FhirResources.Patient(citizen))
                : FhirAnswers.Outcome(404, OperationOutcome.IssueType.NotFound, $"Resource Patient/{match.Groups[0]} tidak ditemukan")));
        MapClinical(server, "Condition", FhirResources.Conditions);
        MapClinical(server, "Immunization", FhirResources.Immunizations);
        MapClinical(server, "AllergyIntolerance", FhirResources.Allergies);
        MapClinical(server, "Observation", FhirResources.Observations);
        MapClinical(server, "Encounter", FhirResources.Encounters);
    }

    private ResponseMessage IssueToken(RouteMatch match)
    {
        if (match.Query("grant_type") != "client_credentials")
        {
            return Replies.Json(400, System.Text.Json.JsonSerializer.Serialize(new { ErrorCode = "invalid_request", Error = $"Unsupported grant type : {match.Query("grant_type")}" }));
        }

        var form = HttpUtility.ParseQueryString(match.Body);
        var credentials = Context.Credentials;
        var clientId = form["client_id"] ?? string.Empty;
        if (_tokens.IsThrottled(clientId, Context.Options.SatuSehatTokenBackoff))
        {
            return Replies.Json(429, FhirAnswers.Fault(
                "Spike arrest violation. Allowed rate : MessageRate{messagesPerPeriod=1, periodInMicroseconds=60000000, maxBurstMessageRate=1.0}",
                "policies.ratelimit.SpikeArrestViolation"));
        }

        if (clientId != credentials.SatuSehatClientId || form["client_secret"] != credentials.SatuSehatClientSecret)
        {
            _tokens.RecordFailure(clientId);
            return Replies.Json(401, FhirAnswers.Fault("Invalid client identifier {0}", "oauth.v2.InvalidClientIdentifier"));
        }

        var (token, issuedAt) = _tokens.Issue();
        return Replies.Json(200, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["refresh_token_expires_in"] = "0",
            ["api_product_list"] = "[api-satusehat-dev]",
            ["organization_name"] = "ihs-dev",
            ["developer.email"] = "integrasi@mpp.go.id",
            ["token_type"] = "BearerToken",
            ["issued_at"] = issuedAt.ToUnixTimeMilliseconds().ToString(null, null),
            ["client_id"] = credentials.SatuSehatClientId,
            ["access_token"] = token,
            ["application_name"] = "mpp-digital-hub",
            ["scope"] = string.Empty,
            ["expires_in"] = ((int)TokenIssuer.Lifetime.TotalSeconds).ToString(null, null),
            ["refresh_count"] = "0",
            ["status"] = "approved",
        }));
    }

    private ResponseMessage Authorized(RouteMatch match, Func<ResponseMessage> answer) =>
        _tokens.IsValid(match.Header("Authorization"))
            ? answer()
            : Replies.Json(401, FhirAnswers.Fault("Invalid access token", "keymanagement.service.invalid_access_token"));

    private ResponseMessage SearchPatient(RouteMatch match)
    {
        var identifier = match.Query("identifier");
        var prefix = FhirResources.NikSystem + "|";
        if (identifier is null || !identifier.StartsWith(prefix, StringComparison.Ordinal))
        {
            return FhirAnswers.Outcome(400, OperationOutcome.IssueType.Value, $"Parameter identifier wajib berformat {prefix}{{nik}}");
        }

        var nik = identifier[prefix.Length..];
        var found = Context.Population.TryFind(nik, out var citizen) && citizen.Health is not null
            ? [FhirResources.Patient(citizen)]
            : Array.Empty<Resource>();
        return FhirAnswers.SearchSet(BaseUrl, $"Patient?identifier={FhirResources.NikSystem}|{FhirResources.MaskedNik}", found);
    }

    private void MapClinical(WireMockServer server, string type, Func<Citizen, IEnumerable<Resource>> resources) =>
        server.On("GET", $"^/fhir-r4/v1/{type}$", match => Authorized(match, () =>
        {
            var subject = match.Query("subject") ?? match.Query("patient");
            if (subject is null)
            {
                return FhirAnswers.Outcome(400, OperationOutcome.IssueType.Required, "Parameter subject atau patient wajib diisi");
            }

            var patientId = subject.StartsWith("Patient/", StringComparison.Ordinal) ? subject["Patient/".Length..] : subject;
            var found = Context.Population.TryFindPatient(patientId, out var citizen) && citizen.Health is not null
                ? resources(citizen)
                : [];
            return FhirAnswers.SearchSet(BaseUrl, $"{type}?subject=Patient/{patientId}", found);
        }));
}
