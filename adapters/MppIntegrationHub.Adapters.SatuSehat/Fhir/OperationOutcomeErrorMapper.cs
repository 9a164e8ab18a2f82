using System.Net;
using Hl7.Fhir.Model;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.SatuSehat.Fhir;

/// <summary>
/// Reads SATUSEHAT's 4xx OperationOutcome (tolerating its non-standard <c>"severity":"invalid"</c>) into the canonical
/// error by the first issue's code. Plain-text 5xx and gateway faults fall back to the status.
/// </summary>
public sealed class OperationOutcomeErrorMapper : IAgencyErrorBodyMapper
{
    private static readonly HashSet<string> IssueCodes = new(
        Enum.GetValues<OperationOutcome.IssueType>().Select(t => Hl7.Fhir.Utility.EnumUtility.GetLiteral(t)!),
        StringComparer.Ordinal);

    public AgencyError? Map(string agency, HttpStatusCode status, string? mediaType, string body)
    {
        if (mediaType is null || !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) || !body.Contains("OperationOutcome", StringComparison.Ordinal))
        {
            return null;
        }

        OperationOutcome outcome;
        try
        {
            outcome = FhirReader.Read<OperationOutcome>(body);
        }
        catch (FormatException)
        {
            return null;
        }

        var code = outcome.Issue.FirstOrDefault()?.CodeElement?.JsonValue as string;
        var kind = code switch
        {
            "not-found" => AgencyErrorKind.NotFound,
            "security" or "login" or "forbidden" or "expired" => AgencyErrorKind.Unauthorized,
            "throttled" or "timeout" or "transient" or "lock-error" => AgencyErrorKind.Transient,
            "invalid" or "structure" or "required" or "value" or "invariant" or "not-supported" or "code-invalid" => AgencyErrorKind.InvalidRequest,
            "business-rule" or "conflict" or "duplicate" => AgencyErrorKind.Permanent,
            _ => AgencyFailures.KindOf(status),
        };
        var stableCode = code is not null && IssueCodes.Contains(code) ? code : "unknown";
        return AgencyFailures.Create(agency, kind, $"{agency}.{stableCode}", AgencyFailures.SafeMessage(kind));
    }
}
