using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Hub.Auth;
using MppIntegrationHub.Hub.Consents;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Orchestration.Catalogue;
using MppIntegrationHub.Orchestration.Engine;

namespace MppIntegrationHub.Hub.Applications;

/// <summary>Limits on application requests.</summary>
public static class ApplicationRules
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 100;
    public const int MaxPageSize = 100;
}

/// <summary>Maps <c>/api/v1/services</c> and <c>/api/v1/applications</c>.</summary>
public static class ApplicationsApi
{
    /// <summary>Registers the application service (the orchestrator must be registered too).</summary>
    public static IServiceCollection AddApplications(this IServiceCollection services) => services.AddSingleton<ApplicationService>();

    /// <summary>The catalogue, and submit (idempotent), list, read and cancel of the client's own applications (scope <c>applications</c>; <c>service:CODE</c> to submit).</summary>
    public static RouteGroupBuilder MapApplicationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/services", (ServiceCatalogue catalogue) => TypedResults.Ok(catalogue.List()))
            .WithTags("Services").WithName("ListServices").RequireAuthorization()
            .WithSummary("The service catalogue").WithDescription("Every service a portal can submit, with agencies, fee, prerequisites and published duration.");

        var applications = api.MapGroup("/applications").WithTags("Applications").RequireAuthorization(HubScopes.Policy(HubScopes.Applications));
        applications.MapPost("/", SubmitAsync).WithName("SubmitApplication")
            .WithSummary("Submit a service application")
            .WithDescription("Needs an Idempotency-Key header: the same key with the same body answers the first application again; with another body, 422. Answers 202 with the application's Location; follow it by polling or webhooks.");
        applications.MapGet("/", ListAsync).WithName("ListApplications")
            .WithSummary("List this client's applications").WithDescription("Newest first, paged, filterable by status and service code.");
        applications.MapGet("/{id:guid}", GetAsync).WithName("GetApplication").WithSummary("Read one of this client's applications with its step timeline")
            .WithDescription("Status, steps with attempts and next attempt times, outputs and predicted completion. Another client's application answers 404.");
        applications.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelApplication")
            .WithSummary("Cancel an application").WithDescription("Compensation undoes agency effects already made (e.g. releases a passport interview slot).");
        return api;
    }

    private static async Task<Results<Accepted<ServiceApplication>, ProblemHttpResult, ValidationProblem>> SubmitAsync(
        SubmitApplicationRequest request,
        [FromHeader(Name = ApplicationRules.IdempotencyHeader)] string? idempotencyKey,
        HttpContext http,
        ServiceCatalogue catalogue,
        ConsentService consents,
        ApplicationService applications)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > ApplicationRules.MaxIdempotencyKeyLength
            || idempotencyKey.Any(c => c is < '!' or > '~'))
        {
            return HubProblems.Problem(StatusCodes.Status400BadRequest, HubProblems.Types.IdempotencyKeyMissing, "Idempotency-Key required",
                $"Send an {ApplicationRules.IdempotencyHeader} header of 1-{ApplicationRules.MaxIdempotencyKeyLength} printable ASCII characters, unique per application.");
        }

        if (catalogue.Find(request.ServiceCode) is null)
        {
            return HubProblems.Problem(StatusCodes.Status422UnprocessableEntity, HubProblems.Types.UnknownService, "Unknown service",
                "The service code is not in the catalogue (GET /api/v1/services).",
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["serviceCode"] = ["Unknown service code."] } });
        }

        if (!http.User.HasScopeFor(HubScopes.ForService(request.ServiceCode)))
        {
            return HubProblems.Problem(StatusCodes.Status403Forbidden, HubProblems.Types.ScopeMissing, "Scope missing",
                $"This client needs the scope {HubScopes.ForService(request.ServiceCode)} to submit this service.");
        }

        var clientId = http.User.ClientId();
        var purpose = ServicePurposes.For(request.ServiceCode);
        if (!await consents.CoversAsync(clientId, request.ConsentId, request.Nik, purpose, http.RequestAborted))
        {
            return HubProblems.Problem(StatusCodes.Status403Forbidden, HubProblems.Types.ConsentMissing, "Consent missing",
                $"consentId must name an unexpired, unrevoked consent this client recorded for this citizen covering '{PurposeNames.Format(purpose)}'.");
        }

        SubmitOutcome outcome;
        try
        {
            outcome = await applications.SubmitAsync(clientId, idempotencyKey, request, http.RequestAborted);
        }
        catch (ApplicationInputException invalid)
        {
            return HubProblems.Validation(new Dictionary<string, string[]> { ["inputs"] = [.. invalid.Errors] }, "The service's inputs are not valid.");
        }

        return outcome.Result switch
        {
            SubmitResult.Created or SubmitResult.Replayed => TypedResults.Accepted($"/api/v1/applications/{outcome.Application!.Id}", outcome.Application),
            SubmitResult.KeyReusedWithDifferentBody => HubProblems.Problem(StatusCodes.Status422UnprocessableEntity, HubProblems.Types.IdempotencyKeyReused,
                "Idempotency-Key reused", "This Idempotency-Key was already used with a different request body."),
            _ => HubProblems.Problem(StatusCodes.Status409Conflict, HubProblems.Types.Conflict, "Request in progress",
                "The first request with this Idempotency-Key is still being accepted; retry shortly."),
        };
    }

    private static async Task<Results<Ok<ApplicationPage>, ValidationProblem>> ListAsync(
        HttpContext http, ApplicationService applications, string? status = null, string? serviceCode = null, int page = 1, int pageSize = 20)
    {
        var errors = ApplicationListQuery.Validate(status, serviceCode, page, pageSize, out var statusFilter);
        if (errors.Count > 0)
        {
            return HubProblems.Validation(errors);
        }

        return TypedResults.Ok(await applications.ListAsync(http.User.ClientId(), statusFilter, serviceCode, page, pageSize, http.RequestAborted));
    }

    private static async Task<Results<Ok<ServiceApplication>, NotFound>> GetAsync(Guid id, HttpContext http, ApplicationService applications) =>
        await applications.FindAsync(http.User.ClientId(), id, http.RequestAborted) is { } application
            ? TypedResults.Ok(application)
            : TypedResults.NotFound();

    private static async Task<Results<Accepted<ServiceApplication>, NotFound, ProblemHttpResult>> CancelAsync(
        Guid id, HttpContext http, ApplicationService applications)
    {
        var clientId = http.User.ClientId();
        return await applications.CancelAsync(clientId, id, http.RequestAborted) switch
        {
            null => TypedResults.NotFound(),
            false => HubProblems.Problem(StatusCodes.Status409Conflict, HubProblems.Types.Conflict, "Cannot cancel",
                "The application has already finished or is already being cancelled."),
            true => TypedResults.Accepted($"/api/v1/applications/{id}", (await applications.FindAsync(clientId, id, http.RequestAborted))!),
        };
    }
}
