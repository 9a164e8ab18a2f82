using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Simulators.Hosting;

namespace MppIntegrationHub.Simulators;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Starts every agency simulator when the host starts and stops them with it. Resolve
    /// <see cref="AgencySimulatorsHost"/> for base URLs and credentials once the host runs.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="options">Builds the options from the container; defaults use the registered <see cref="TimeProvider"/>.</param>
    /// <exception cref="InvalidOperationException">When called twice.</exception>
    public static IServiceCollection AddAgencySimulators(this IServiceCollection services, Func<IServiceProvider, SimulatorOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(AgencySimulatorsHost)))
        {
            throw new InvalidOperationException("AddAgencySimulators has already been called on these services.");
        }

        services.AddSingleton(sp => new AgencySimulatorsHost(
            options?.Invoke(sp) ?? new SimulatorOptions { Clock = sp.GetService<TimeProvider>() ?? TimeProvider.System }));
        services.AddHostedService(sp => sp.GetRequiredService<AgencySimulatorsHost>());
        return services;
    }
}
