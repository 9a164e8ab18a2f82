using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Resilience;

namespace MppIntegrationHub.Adapters.Rest;

/// <summary>Registers typed clients of the designed REST agencies.</summary>
public static class RestAgencyExtensions
{
    /// <summary>
    /// Registers Refit client <typeparamref name="TApi"/> for a REST agency: the agency's pipeline outermost, then its
    /// <c>X-Api-Key</c> from <typeparamref name="TOptions"/>, then the response size limit.
    /// </summary>
    public static IHttpClientBuilder AddRestAgencyClient<TApi, TOptions>(this IServiceCollection services, string agency)
        where TApi : class
        where TOptions : RestAgencyOptions =>
        services.AddAgencyRefitClient<TApi, TOptions>(agency, client =>
            client.AddHttpMessageHandler(sp => new ApiKeyHandler(() => sp.GetRequiredService<IOptions<TOptions>>().Value.ApiKey)));
}
