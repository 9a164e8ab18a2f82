using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MppIntegrationHub.Hub.Errors;

/// <summary>RFC 9457 problem details for every error, and the request size limit.</summary>
public static class ErrorsServiceCollectionExtensions
{
    /// <summary>Largest request body the API reads: a 200 KB face image in base64 with room for the rest of the request.</summary>
    public const long MaxRequestBodyBytes = 512 * 1024;

    /// <summary>Registers problem details (always <c>application/problem+json</c>), the exception handler and the body size limit.</summary>
    public static IServiceCollection AddHubErrors(this IServiceCollection services)
    {
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<HubExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return services;
    }

    /// <summary>Exception handler, problem bodies for bare status codes, and the body limit for hosts other than Kestrel.</summary>
    public static IApplicationBuilder UseHubErrors(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (http, next) =>
        {
            if (http.Request.ContentLength > MaxRequestBodyBytes)
            {
                await HubProblems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, HubProblems.Types.PayloadTooLarge,
                    "Request body too large", $"The request body exceeds {MaxRequestBodyBytes} bytes.");
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxRequestBodyBytes;
            }

            await next(http);
        });
        return app;
    }
}
