using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Store;
using OpenIddict.Validation.AspNetCore;

namespace MppIntegrationHub.Hub.Auth;

/// <summary>Registers OAuth2 client credentials (OpenIddict server and validation), scope policies and per-client rate limits.</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>Adds the token server at <c>/connect/token</c> on the hub store (keys from <see cref="TokenKeyOptions"/>), access-token validation (decrypted and verified once per token and process, <see cref="ValidatedTokenCache"/>), one policy per scope and per-client rate limiting.</summary>
    public static IServiceCollection AddHubAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubClientOptions>().BindConfiguration(HubClientOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<HubClientOptions>, HubClientOptionsValidator>();
        services.AddSingleton<PortalClientSeeder>();
        services.AddOptions<TokenKeyOptions>().BindConfiguration(TokenKeyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TokenKeyOptions>, TokenKeyOptionsValidator>();
        services.AddSingleton<IConfigureOptions<OpenIddict.Server.OpenIddictServerOptions>, TokenKeys>();
        var allowHttp = configuration.GetValue<bool>($"{HubClientOptions.Section}:{nameof(HubClientOptions.AllowHttp)}");

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<HubApiDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. HubScopes.All]);
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (allowHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddEventHandler(ValidatedTokenCache.AttachRememberedPrincipal.Descriptor);
                validation.AddEventHandler(ValidatedTokenCache.RememberValidatedPrincipal.Descriptor);
            });
        services.AddSingleton<ValidatedTokenCache>();

        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in HubScopes.All)
        {
            // No scheme of its own: the policy sees the principal the default scheme (OpenIddict validation) already
            // authenticated, instead of authenticating the token a second time and merging the two principals.
            authorization.AddPolicy(HubScopes.Policy(scope), policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasScopeFor(scope)));
        }

        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PartitionByClient);
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> PartitionByClient(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<HubClientOptions>>().Value;
        var clientId = http.User.Identity?.IsAuthenticated == true ? http.User.ClientId() : null;
        var client = clientId is null ? null : options.Clients.FirstOrDefault(c => c.ClientId == clientId);
        return client is not null
            ? RateLimitPartition.GetFixedWindowLimiter($"client:{client.ClientId}", _ => PerMinute(client.RequestsPerMinute))
            : RateLimitPartition.GetFixedWindowLimiter(
                $"address:{http.Connection.RemoteIpAddress}", _ => PerMinute(options.AnonymousRequestsPerMinute));
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.HttpContext.Response.Headers.RetryAfter =
            Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await HubProblems.WriteAsync(
            context.HttpContext,
            StatusCodes.Status429TooManyRequests,
            HubProblems.Types.RateLimited,
            "Too many requests",
            "This client has used its request quota; retry after the number of seconds in Retry-After.");
    }
}

/// <summary>Client ids are unique and every scope is one the hub knows.</summary>
internal sealed class HubClientOptionsValidator : IValidateOptions<HubClientOptions>
{
    public ValidateOptionsResult Validate(string? name, HubClientOptions options)
    {
        var failures = options.Clients.GroupBy(c => c.ClientId).Where(g => g.Count() > 1)
            .Select(g => $"Client id '{g.Key}' is configured more than once.")
            .Concat(options.Clients.SelectMany(c => c.Scopes.Where(s => !HubScopes.All.Contains(s))
                .Select(s => $"Client '{c.ClientId}' has unknown scope '{s}'.")))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
