using MppIntegrationHub.Hub.Applications;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Auth;
using MppIntegrationHub.Hub.Callbacks;
using MppIntegrationHub.Hub.Citizens;
using MppIntegrationHub.Hub.Citizens.Overview;
using MppIntegrationHub.Hub.Consents;
using MppIntegrationHub.Hub.DeclarativeAdapters;
using MppIntegrationHub.Hub.Docs;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Identity;
using MppIntegrationHub.Hub.Operators;
using MppIntegrationHub.Hub.Secrets;
using MppIntegrationHub.Hub.Store;
using MppIntegrationHub.Hub.Webhooks;

namespace MppIntegrationHub.Hub;

/// <summary>The unified API for portals under <c>/api/v1</c>.</summary>
public static class HubApiExtensions
{
    public const string BasePath = "/api/v1";

    /// <summary>Registers every feature of the unified API.</summary>
    public static WebApplicationBuilder AddHubApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddHubErrors()
            .AddHubApiStore()
            .AddHubAuth(builder.Configuration)
            .AddSecretProtection(builder.Configuration)
            .AddAudit()
            .AddConsents()
            .AddCitizens()
            .AddApplications()
            .AddWebhooks()
            .AddAgencyCallbacks()
            .AddAdapters()
            .AddOperatorApi()
            .AddHubDocs();
        builder.AddOperatorConsole();
        return builder;
    }

    /// <summary>Middleware order: errors outermost, then authentication, then the per-client limiter (it needs the client).</summary>
    public static WebApplication UseHubApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHubErrors();
        app.UseOperatorConsoleHeaders();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Maps the token endpoint, the <c>/api/v1</c> resources, the docs and the operator console.</summary>
    public static WebApplication MapHubApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapTokenApi();
        app.MapGroup(BasePath)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .MapIdentityApi()
            .MapConsentsApi()
            .MapCitizensApi()
            .MapCitizenOverviewApi()
            .MapApplicationsApi()
            .MapWebhooksApi()
            .MapCallbacksApi()
            .MapAuditApi()
            .MapAdaptersApi()
            .MapOperatorApi();
        app.MapHubDocs();
        app.MapOperatorConsole();
        return app;
    }
}
