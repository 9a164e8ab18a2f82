using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Declarative.Versions;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Citizens;
using MppIntegrationHub.Hub.Errors;

namespace MppIntegrationHub.Hub.DeclarativeAdapters;

/// <summary>
/// <c>GET /citizens/{nik}/capabilities/{capability}</c>: a portal reads citizen data from an agency that joined through
/// a declarative manifest, under the same purpose, scope and consent rules as the built-in reads.
/// </summary>
internal static class CapabilityReadsApi
{
    public static RouteGroupBuilder MapCapabilityReadsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/citizens/{nik}/capabilities/{capability}", ReadAsync).WithTags("Citizens").RequireAuthorization()
            .WithName("ReadCitizenCapability")
            .WithSummary("Read citizen data through a capability of a registered agency")
            .WithDescription("For capabilities of declarative adapters that declare the data category they read: needs the purpose, the data.* scope of that category and a covering consent. Answers the capability's canonical output.");
        return api;
    }

    private static async Task<IResult> ReadAsync(
        string nik, string capability, string? purpose, HttpContext http,
        DeclarativeAdapterCatalog catalog, CitizenAccess access, ICapabilityInvoker invoker, AuditTrail audit)
    {
        if (catalog.FindOperation(capability) is not { ReadsCategory: { } category })
        {
            return HubProblems.Problem(StatusCodes.Status404NotFound, HubProblems.Types.UnknownCapability, "Unknown capability",
                $"No live agency adapter offers '{capability}' as a citizen read.");
        }

        var (grant, refusal) = await access.CheckAsync(http.User, nik, purpose, [category], http.RequestAborted);
        if (grant is null)
        {
            return refusal!;
        }

        var read = await CitizenReads.CapabilityAsync(invoker, capability, grant, http.RequestAborted);
        await audit.AppendAsync(read.Audit, http.RequestAborted);
        return TypedResults.Ok(read.Data);
    }
}
