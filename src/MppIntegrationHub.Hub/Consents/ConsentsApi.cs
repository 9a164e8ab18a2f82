using Microsoft.AspNetCore.Http.HttpResults;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Hub.Auth;

namespace MppIntegrationHub.Hub.Consents;

/// <summary>Maps <c>/api/v1/consents</c>.</summary>
public static class ConsentsApi
{
    /// <summary>Registers the consent service.</summary>
    public static IServiceCollection AddConsents(this IServiceCollection services) => services.AddSingleton<ConsentService>();

    /// <summary>Record, read and revoke consents (scope <c>consents</c>).</summary>
    public static RouteGroupBuilder MapConsentsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var consents = api.MapGroup("/consents").WithTags("Consents").RequireAuthorization(HubScopes.Policy(HubScopes.Consents));
        consents.MapPost("/", RecordAsync).WithName("RecordConsent")
            .WithSummary("Record a citizen's consent")
            .WithDescription("Records the consent a citizen gave on the portal for the listed purposes until it expires. Reads of citizen data need one.");
        consents.MapGet("/{id:guid}", GetAsync).WithName("GetConsent").WithSummary("Read a consent this client recorded")
            .WithDescription("Another client's consent answers 404, exactly like an unknown id.");
        consents.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeConsent")
            .WithSummary("Revoke a consent").WithDescription("Revokes a consent this client recorded; later reads under it are refused.");
        return api;
    }

    private static async Task<Results<Created<Consent>, ValidationProblem>> RecordAsync(
        ConsentRequest request, HttpContext http, ConsentService consents)
    {
        var errors = consents.Validate(request);
        if (errors.Count > 0)
        {
            return Errors.HubProblems.Validation(errors);
        }

        var consent = await consents.RecordAsync(http.User.ClientId(), request, http.RequestAborted);
        return TypedResults.Created($"/api/v1/consents/{consent.Id}", consent);
    }

    private static async Task<Results<Ok<Consent>, NotFound>> GetAsync(Guid id, HttpContext http, ConsentService consents) =>
        await consents.FindAsync(http.User.ClientId(), id, http.RequestAborted) is { } consent
            ? TypedResults.Ok(consent)
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(Guid id, HttpContext http, ConsentService consents) =>
        await consents.RevokeAsync(http.User.ClientId(), id, http.RequestAborted) ? TypedResults.NoContent() : TypedResults.NotFound();
}
