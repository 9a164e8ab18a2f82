using Microsoft.AspNetCore.Http.HttpResults;
using MppIntegrationHub.Hub.Applications;
using MppIntegrationHub.Hub.Auth;
using MppIntegrationHub.Hub.Errors;

namespace MppIntegrationHub.Hub.Operators;

/// <summary>Maps <c>/api/v1/operator</c>: what the operator console reads and does (scope <c>hub.operator</c> only).</summary>
public static class OperatorApi
{
    public const int MaxReasonLength = 500;

    /// <summary>Registers the operator console's service.</summary>
    public static IServiceCollection AddOperatorApi(this IServiceCollection services) => services.AddSingleton<OperatorConsole>();

    /// <summary>Every client's applications with retry-from-step and cancel, stuck applications, and agencies with the retry kill switch; each action audited.</summary>
    public static RouteGroupBuilder MapOperatorApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var operatorApi = api.MapGroup("/operator").WithTags("Operator").RequireAuthorization(HubScopes.Policy(HubScopes.Operator));
        operatorApi.MapGet("/applications", ListAsync).WithName("OperatorListApplications")
            .WithSummary("List every client's applications").WithDescription("Newest first, paged, filterable by status, service code and client; each with the step that holds it.");
        operatorApi.MapGet("/applications/stuck", (OperatorConsole console, HttpContext http) => console.ListStuckAsync(http.RequestAborted))
            .WithName("OperatorListStuckApplications").WithSummary("Applications that need a person")
            .WithDescription("Retries parked by the kill switch, steps retrying for longer than the stuck threshold, lapsed leases and failed compensations.");
        operatorApi.MapGet("/applications/{id:guid}", GetAsync).WithName("OperatorGetApplication")
            .WithSummary("Read any application with its client and step timeline").WithDescription("The read is audited.");
        operatorApi.MapPost("/applications/{id:guid}/retry", RetryAsync).WithName("OperatorRetryApplication")
            .WithSummary("Re-run a failed application from a failed step")
            .WithDescription("The step and the steps skipped or undone after it run again with new idempotency keys (a new, deliberate agency effect). 409 unless the application is failed at that step.");
        operatorApi.MapPost("/applications/{id:guid}/cancel", CancelAsync).WithName("OperatorCancelApplication")
            .WithSummary("Cancel an application").WithDescription("Compensation undoes agency effects already made; 409 when it has already finished.");
        operatorApi.MapGet("/agencies", (OperatorConsole console, HttpContext http) => console.ListAgenciesAsync(http.RequestAborted))
            .WithName("OperatorListAgencies").WithSummary("Agencies with adapters, health, breaker, quota, traffic and retry switch");
        operatorApi.MapPost("/agencies/{agency}/retries/stop", StopRetriesAsync).WithName("OperatorStopAgencyRetries")
            .WithSummary("Stop an agency's retries (kill switch)")
            .WithDescription("Failing steps for the agency park instead of retrying, and its HTTP calls are tried once, until resumed.");
        operatorApi.MapPost("/agencies/{agency}/retries/resume", ResumeRetriesAsync).WithName("OperatorResumeAgencyRetries")
            .WithSummary("Resume an agency's retries").WithDescription("Parked retries become due at once.");
        return api;
    }

    private static async Task<Results<Ok<OperatorApplicationPage>, ValidationProblem>> ListAsync(
        HttpContext http, OperatorConsole console, string? status = null, string? serviceCode = null, string? clientId = null, int page = 1, int pageSize = 20)
    {
        var errors = ApplicationListQuery.Validate(status, serviceCode, page, pageSize, out var statusFilter);
        if (clientId is not null && !IsIdentifier(clientId))
        {
            errors["clientId"] = ["A client id like demo-portal."];
        }

        return errors.Count > 0
            ? HubProblems.Validation(errors)
            : TypedResults.Ok(await console.ListAsync(statusFilter, serviceCode, clientId, page, pageSize, http.RequestAborted));
    }

    private static async Task<Results<Ok<OperatorApplication>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, OperatorConsole console) =>
        await console.FindAsync(http.User.ClientId(), id, http.RequestAborted) is { } application
            ? TypedResults.Ok(application)
            : NoApplication();

    private static async Task<Results<Accepted<OperatorApplication>, ProblemHttpResult, ValidationProblem>> RetryAsync(
        Guid id, OperatorRetryRequest request, HttpContext http, OperatorConsole console)
    {
        if (string.IsNullOrWhiteSpace(request.StepId) || !IsIdentifier(request.StepId))
        {
            return HubProblems.Validation(new Dictionary<string, string[]> { ["stepId"] = ["A step id from the application's timeline."] });
        }

        var operatorId = http.User.ClientId();
        return await console.RetryFromStepAsync(operatorId, id, request.StepId, http.RequestAborted) switch
        {
            null => NoApplication(),
            false => HubProblems.Problem(StatusCodes.Status409Conflict, HubProblems.Types.Conflict, "Cannot retry from this step",
                "Only a failed application can be re-run, from one of its failed steps."),
            true => Accepted(id, (await console.FindAsync(operatorId, id, http.RequestAborted))!),
        };
    }

    private static async Task<Results<Accepted<OperatorApplication>, ProblemHttpResult, ValidationProblem>> CancelAsync(
        Guid id, OperatorReasonRequest request, HttpContext http, OperatorConsole console)
    {
        if (InvalidReason(request) is { } invalid)
        {
            return invalid;
        }

        var operatorId = http.User.ClientId();
        return await console.CancelAsync(operatorId, id, request.Reason, http.RequestAborted) switch
        {
            null => NoApplication(),
            false => HubProblems.Problem(StatusCodes.Status409Conflict, HubProblems.Types.Conflict, "Cannot cancel",
                "The application has already finished or is already being cancelled."),
            true => Accepted(id, (await console.FindAsync(operatorId, id, http.RequestAborted))!),
        };
    }

    private static async Task<Results<Ok<OperatorAgency>, ProblemHttpResult, ValidationProblem>> StopRetriesAsync(
        string agency, OperatorReasonRequest request, HttpContext http, OperatorConsole console)
    {
        if (InvalidReason(request) is { } invalid)
        {
            return invalid;
        }

        return await console.StopRetriesAsync(http.User.ClientId(), agency, request.Reason, http.RequestAborted) is { } stopped
            ? TypedResults.Ok(stopped)
            : NoAgency(agency);
    }

    private static async Task<Results<Ok<AgencyRetriesResumed>, ProblemHttpResult>> ResumeRetriesAsync(string agency, HttpContext http, OperatorConsole console) =>
        await console.ResumeRetriesAsync(http.User.ClientId(), agency, http.RequestAborted) is { } resumed
            ? TypedResults.Ok(resumed)
            : NoAgency(agency);

    private static ValidationProblem? InvalidReason(OperatorReasonRequest request) =>
        string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReasonLength
            ? HubProblems.Validation(new Dictionary<string, string[]> { ["reason"] = [$"1-{MaxReasonLength} characters."] })
            : null;

    private static bool IsIdentifier(string value) =>
        value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static Accepted<OperatorApplication> Accepted(Guid id, OperatorApplication application) =>
        TypedResults.Accepted($"{HubApiExtensions.BasePath}/operator/applications/{id}", application);

    private static ProblemHttpResult NoApplication() =>
        HubProblems.Problem(StatusCodes.Status404NotFound, HubProblems.Types.NotFound, "Unknown application", "No application has this id.");

    private static ProblemHttpResult NoAgency(string agency) =>
        HubProblems.Problem(StatusCodes.Status404NotFound, HubProblems.Types.NotFound, "Unknown agency", $"No adapter serves an agency '{agency}'.");
}
