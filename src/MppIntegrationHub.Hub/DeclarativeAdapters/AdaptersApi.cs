using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using MppIntegrationHub.Adapters.Declarative;
using MppIntegrationHub.Adapters.Declarative.Versions;
using MppIntegrationHub.Hub.Auth;
using MppIntegrationHub.Hub.Errors;

namespace MppIntegrationHub.Hub.DeclarativeAdapters;

/// <summary>Maps <c>/api/v1/adapters</c> (agencies register declarative adapters) and the citizen reads they serve.</summary>
public static class AdaptersApi
{
    /// <summary>Registers declarative adapters (registry, version store, probe) for the API.</summary>
    public static IServiceCollection AddAdapters(this IServiceCollection services) => services.AddDeclarativeAdapters();

    /// <summary>Register, list, read, roll back, disable and enable declarative adapters (scope <c>hub.adapters.admin</c>); read citizen data through them.</summary>
    public static RouteGroupBuilder MapAdaptersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var adapters = api.MapGroup("/adapters").WithTags("Adapters").RequireAuthorization(HubScopes.Policy(HubScopes.AdaptersAdmin));
        adapters.MapPost("/", RegisterAsync).WithName("RegisterAdapter")
            .WithSummary("Register a declarative adapter or a new version of it")
            .WithDescription("The manifest (schemas/v1/declarative-adapter.schema.json) is validated, every problem listed; its examples are then called on the agency's sandbox and the mapped outputs checked. A passing version is stored and goes live at once: calls already running finish on the previous version.");
        adapters.MapGet("/", ListAsync).WithName("ListAdapters").WithSummary("List this client's declarative adapters");
        adapters.MapGet("/{id}", GetAsync).WithName("GetAdapter").WithSummary("Read one adapter with its versions");
        adapters.MapPost("/{id}/rollback", (string id, HttpContext http, DeclarativeAdapterCatalog catalog) =>
                Change(catalog.RollbackAsync(id, http.User.ClientId(), http.RequestAborted)))
            .WithName("RollBackAdapter").WithSummary("Re-activate the version registered before the active one");
        adapters.MapPost("/{id}/disable", (string id, HttpContext http, DeclarativeAdapterCatalog catalog) =>
                Change(catalog.SetEnabledAsync(id, false, http.User.ClientId(), http.RequestAborted)))
            .WithName("DisableAdapter").WithSummary("Switch the adapter off; its capabilities become unavailable");
        adapters.MapPost("/{id}/enable", (string id, HttpContext http, DeclarativeAdapterCatalog catalog) =>
                Change(catalog.SetEnabledAsync(id, true, http.User.ClientId(), http.RequestAborted)))
            .WithName("EnableAdapter").WithSummary("Switch the adapter back on");
        return api.MapCapabilityReadsApi();
    }

    private static async Task<Results<Created<DeclarativeAdapterView>, ProblemHttpResult>> RegisterAsync(
        JsonElement manifest, HttpContext http, DeclarativeAdapterCatalog catalog)
    {
        var result = await catalog.RegisterAsync(manifest.GetRawText(), http.User.ClientId(), http.RequestAborted);
        return result.Adapter is { } adapter
            ? TypedResults.Created($"{HubApiExtensions.BasePath}/adapters/{adapter.Id}", adapter)
            : Refusal(result);
    }

    private static async Task<Ok<IReadOnlyList<DeclarativeAdapterView>>> ListAsync(HttpContext http, DeclarativeAdapterCatalog catalog) =>
        TypedResults.Ok(await catalog.ListAsync(http.User.ClientId(), http.RequestAborted));

    private static async Task<Results<Ok<DeclarativeAdapterView>, ProblemHttpResult>> GetAsync(string id, HttpContext http, DeclarativeAdapterCatalog catalog) =>
        await catalog.FindAsync(id, http.User.ClientId(), http.RequestAborted) is { } adapter
            ? TypedResults.Ok(adapter)
            : HubProblems.Problem(StatusCodes.Status404NotFound, HubProblems.Types.NotFound, "Unknown adapter", $"This client has no adapter '{id}'.");

    private static async Task<Results<Ok<DeclarativeAdapterView>, ProblemHttpResult>> Change(Task<AdapterChangeResult> change)
    {
        var result = await change;
        return result.Adapter is { } adapter ? TypedResults.Ok(adapter) : Refusal(result);
    }

    // Problems carry the field errors under "errors", as validation problems do, whatever their status.
    private static ProblemHttpResult Refusal(AdapterChangeResult result)
    {
        var (status, type, title, detail) = result.Failure switch
        {
            AdapterChangeFailure.Invalid => (StatusCodes.Status400BadRequest, HubProblems.Types.Validation, "Invalid manifest", "The manifest is invalid; every problem is listed."),
            AdapterChangeFailure.ProbeFailed => (StatusCodes.Status422UnprocessableEntity, HubProblems.Types.AdapterProbeFailed, "Sandbox probe failed", "The sandbox probe failed; every failing example is listed."),
            AdapterChangeFailure.NotOwner => (StatusCodes.Status403Forbidden, HubProblems.Types.Forbidden, "Not your adapter", "Another client registered this adapter."),
            AdapterChangeFailure.VersionExists => (StatusCodes.Status409Conflict, HubProblems.Types.Conflict, "Version already registered", "Register a new version number."),
            _ => (StatusCodes.Status404NotFound, HubProblems.Types.NotFound, "Not found", "No such adapter or version of this client."),
        };
        return HubProblems.Problem(status, type, title, detail, new Dictionary<string, object?> { ["errors"] = result.Errors });
    }
}
