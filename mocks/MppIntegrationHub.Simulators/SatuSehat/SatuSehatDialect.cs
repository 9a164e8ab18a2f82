using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using MppIntegrationHub.Simulators.Faults;

namespace MppIntegrationHub.Simulators.SatuSehat;

/// <summary>Injected SATUSEHAT failures: 5xx as text/plain (<c>Gateway Timeout</c>), 4xx as the quirky OperationOutcome.</summary>
internal sealed class SatuSehatDialect : IAgencyDialect
{
    public static SatuSehatDialect Instance { get; } = new();

    public Task WriteErrorAsync(HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        if (statusCode >= 500)
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(ReasonPhrases.GetReasonPhrase(statusCode));
        }

        context.Response.ContentType = FhirAnswers.FhirJson;
        return context.Response.WriteAsync(FhirAnswers.OutcomeJson(OperationOutcome.IssueType.Processing, "Permintaan tidak dapat diproses"));
    }

    public Task WriteQuotaExhaustedAsync(HttpContext context)
    {
        context.Response.StatusCode = 429;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(FhirAnswers.Fault("Rate limit quota violation. Quota limit exceeded. Identifier : _default", "policies.ratelimit.QuotaViolation"));
    }
}
