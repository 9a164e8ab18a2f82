using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using MppIntegrationHub.Adapters.Declarative.Runtime;
using MppIntegrationHub.Adapters.Declarative.Versions;
using MppIntegrationHub.Adapters.Registry;

namespace MppIntegrationHub.Adapters.Declarative.Tests.Support;

/// <summary>The declarative adapter services on a SQLite file, allowed to call 127.0.0.1, started like a host would.</summary>
internal sealed class DeclarativeHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DeclarativeHost(ServiceProvider services) => _services = services;

    public DeclarativeAdapterCatalog Catalog => _services.GetRequiredService<DeclarativeAdapterCatalog>();

    public IAdapterRegistry Registry => _services.GetRequiredService<IAdapterRegistry>();

    public ICapabilityInvoker Invoker => _services.GetRequiredService<ICapabilityInvoker>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<DeclarativeHost> StartAsync(string databaseFile, GatedHandler? gate = null, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:ConnectionString"] = $"Data Source={databaseFile}",
            ["DeclarativeAdapters:AllowedHosts:0"] = "127.0.0.1",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddDeclarativeAdapters();
        if (gate is not null)
        {
            services.AddHttpClient(DeclarativeAdapterFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => gate);
        }

        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new DeclarativeHost(provider);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
