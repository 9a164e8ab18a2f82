using Microsoft.AspNetCore.Http;

namespace MppIntegrationHub.Simulators.Faults;

/// <summary>How an agency words the failures injected into it, so an injected 503 looks like that agency's 503.</summary>
internal interface IAgencyDialect
{
    Task WriteErrorAsync(HttpContext context, int statusCode);

    Task WriteQuotaExhaustedAsync(HttpContext context);
}
