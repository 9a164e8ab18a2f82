using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters.Manifests;

namespace MppIntegrationHub.Adapters;

/// <summary>Returned by <c>AddXyzAdapter</c> calls for further configuration of one adapter.</summary>
public sealed class AgencyAdapterBuilder<TOptions>(IServiceCollection services, string agency)
    where TOptions : AdapterManifest
{
    public IServiceCollection Services { get; } = services;

    public string Agency { get; } = agency;

    /// <summary>Further configures the adapter's options (applied after the defaults and the first configuration).</summary>
    public AgencyAdapterBuilder<TOptions> Configure(Action<TOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }
}
