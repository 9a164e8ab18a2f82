using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Hub.Auth;
using MppIntegrationHub.Hub.Errors;

namespace MppIntegrationHub.Hub.Webhooks;

/// <summary>Maps <c>/api/v1/webhooks</c>: a portal's subscriptions to its applications' events.</summary>
public static class WebhooksApi
{
    /// <summary>Registers subscriptions and the delivery queue (options <c>Hub:Webhooks</c>); roles that process work add the <see cref="WebhookDispatcher"/>.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<WebhookService>();
        services.AddSingleton<WebhookAddressGuard>();
        services.AddSingleton<WebhookSecrets>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // A redirect would lead the delivery elsewhere than the subscribed URL; the connect step checks every address.
                AllowAutoRedirect = false,
                ConnectCallback = sp.GetRequiredService<WebhookAddressGuard>().ConnectAsync,
            });
        return services;
    }

    /// <summary>Adds the consumer that queues deliveries for status changes.</summary>
    public static IBusRegistrationConfigurator AddWebhookConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<ApplicationStatusChangedConsumer>();
        return bus;
    }

    /// <summary>Create, list, read and delete subscriptions, and read their delivery attempts (scope <c>webhooks</c>).</summary>
    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(HubScopes.Policy(HubScopes.Webhooks));
        webhooks.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Subscribe to application events")
            .WithDescription("Events of this client's applications are POSTed to the URL, signed in X-Hub-Signature with the secret returned once here, retried with exponential backoff until a 2xx.");
        webhooks.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("List this client's webhook subscriptions")
            .WithDescription("Secrets are never shown again after creation.");
        webhooks.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").WithSummary("Read a webhook subscription")
            .WithDescription("Another client's subscription answers 404.");
        webhooks.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Delete a webhook subscription")
            .WithDescription("Pending deliveries to it are abandoned.");
        webhooks.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("Recent deliveries with every attempt").WithDescription("The latest 100 deliveries, newest first, with each HTTP attempt's status code or error.");
        return api;
    }

    private static async Task<Results<Created<Webhook>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        WebhookRequest request, HttpContext http, WebhookService webhooks)
    {
        var errors = webhooks.Validate(request);
        if (errors.Count > 0)
        {
            return HubProblems.Validation(errors);
        }

        return await webhooks.CreateAsync(http.User.ClientId(), request, http.RequestAborted) is { } webhook
            ? TypedResults.Created($"/api/v1/webhooks/{webhook.Id}", webhook)
            : HubProblems.Problem(StatusCodes.Status409Conflict, HubProblems.Types.Conflict, "Too many webhooks", "This client holds the maximum number of subscriptions.");
    }

    private static async Task<Ok<IReadOnlyList<Webhook>>> ListAsync(HttpContext http, WebhookService webhooks) =>
        TypedResults.Ok(await webhooks.ListAsync(http.User.ClientId(), http.RequestAborted));

    private static async Task<Results<Ok<Webhook>, NotFound>> GetAsync(Guid id, HttpContext http, WebhookService webhooks) =>
        await webhooks.FindAsync(http.User.ClientId(), id, http.RequestAborted) is { } webhook ? TypedResults.Ok(webhook) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, HttpContext http, WebhookService webhooks) =>
        await webhooks.DeleteAsync(http.User.ClientId(), id, http.RequestAborted) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<WebhookDeliveryView>>, NotFound>> DeliveriesAsync(Guid id, HttpContext http, WebhookService webhooks) =>
        await webhooks.DeliveriesAsync(http.User.ClientId(), id, http.RequestAborted) is { } deliveries ? TypedResults.Ok(deliveries) : TypedResults.NotFound();
}
