using MppIntegrationHub.Adapters;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Health;
using MppIntegrationHub.Hub.Audit;

namespace MppIntegrationHub.Hub.Citizens;

/// <summary>Maps the once-only profile and the health summary under <c>/api/v1/citizens/{nik}</c>.</summary>
public static class CitizensApi
{
    /// <summary>Registers the gate that checks purpose, scope and consent before a read.</summary>
    public static IServiceCollection AddCitizens(this IServiceCollection services) => services.AddSingleton<CitizenAccess>();

    /// <summary><c>GET /citizens/{nik}/profile</c> and <c>GET /citizens/{nik}/health-summary</c>; scopes per data category, consent per purpose.</summary>
    public static RouteGroupBuilder MapCitizensApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var citizens = api.MapGroup("/citizens/{nik}").WithTags("Citizens").RequireAuthorization();
        citizens.MapGet("/profile", ProfileAsync).WithName("GetCitizenProfile")
            .WithSummary("Read the once-only citizen profile for a purpose")
            .WithDescription("Needs a consent of the citizen recorded by this client covering the purpose, and a data.* scope for each category the purpose needs. Only those categories' fields are returned.");
        citizens.MapGet("/health-summary", HealthSummaryAsync).WithName("GetCitizenHealthSummary")
            .WithSummary("Read the citizen's SATUSEHAT health summary")
            .WithDescription("Purpose health-care, scope data.health and a covering consent. Accept: application/fhir+json returns a FHIR R4 Bundle.")
            .Produces<HealthSummary>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: HealthSummaryFhir.MediaType);
        return api;
    }

    private static async Task<IResult> ProfileAsync(
        string nik, string? purpose, HttpContext http, CitizenAccess access, ICapabilityInvoker invoker, AuditTrail audit)
    {
        var (grant, refusal) = await access.CheckAsync(http.User, nik, purpose, CitizenReads.ProfileCategories, http.RequestAborted);
        if (grant is null)
        {
            return refusal!;
        }

        var read = await CitizenReads.ProfileAsync(invoker, grant, http.RequestAborted);
        await audit.AppendAsync(read.Audit, http.RequestAborted);
        return TypedResults.Ok(read.Data);
    }

    private static async Task<IResult> HealthSummaryAsync(
        string nik, string? purpose, HttpContext http, CitizenAccess access, ICapabilityInvoker invoker, AuditTrail audit)
    {
        var (grant, refusal) = await access.CheckAsync(http.User, nik, purpose, [DataCategory.Health], http.RequestAborted);
        if (grant is null)
        {
            return refusal!;
        }

        var read = await CitizenReads.HealthSummaryAsync(invoker, grant, http.RequestAborted);
        await audit.AppendAsync(read.Audit, http.RequestAborted);
        return HealthSummaryFhir.IsRequested(http.Request)
            ? HealthSummaryFhir.Result(read.Data)
            : TypedResults.Ok(read.Data);
    }
}
