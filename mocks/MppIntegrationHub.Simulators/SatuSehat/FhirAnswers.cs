using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using MppIntegrationHub.Simulators.Hosting;
using WireMock;

namespace MppIntegrationHub.Simulators.SatuSehat;

/// <summary>FHIR bodies written with the Firely SDK, plus SATUSEHAT's quirks (Apigee faults, a non-FHIR severity).</summary>
internal static class FhirAnswers
{
    public const string FhirJson = "application/fhir+json";

    private static readonly FhirJsonSerializer Serializer = new();

    public static ResponseMessage Resource(Resource resource) => Replies.Text(200, Serializer.SerializeToString(resource), FhirJson);

    public static ResponseMessage SearchSet(Uri baseUrl, string selfQuery, IEnumerable<Resource> resources)
    {
        var entries = resources.Select(r => new Bundle.EntryComponent
        {
            FullUrl = new Uri(baseUrl, $"fhir-r4/v1/{r.TypeName}/{r.Id}").ToString(),
            Resource = r,
            Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
        }).ToList();
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = entries.Count,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = new Uri(baseUrl, $"fhir-r4/v1/{selfQuery}").ToString() }],
            Entry = entries,
        };
        return Resource(bundle);
    }

    /// <summary>
    /// A 4xx OperationOutcome as SATUSEHAT writes it: <c>"severity":"invalid"</c>, which no FHIR parser accepts
    /// strictly. The SDK writes a legal value that is then replaced, so everything else stays valid FHIR.
    /// </summary>
    public static ResponseMessage Outcome(int statusCode, OperationOutcome.IssueType code, string text) =>
        Replies.Text(statusCode, OutcomeJson(code, text), FhirJson);

    public static string OutcomeJson(OperationOutcome.IssueType code, string text)
    {
        var outcome = new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Details = new CodeableConcept { Text = text } }],
        };
        return Serializer.SerializeToString(outcome).Replace("\"severity\":\"error\"", "\"severity\":\"invalid\"", StringComparison.Ordinal);
    }

    /// <summary>The API gateway's (Apigee) error body, used for token and rate-limit failures.</summary>
    public static string Fault(string message, string errorCode) =>
        System.Text.Json.JsonSerializer.Serialize(new { fault = new { faultstring = message, detail = new { errorcode = errorCode } } });
}
