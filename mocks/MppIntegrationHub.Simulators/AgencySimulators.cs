using MppIntegrationHub.Simulators.Callbacks;
using MppIntegrationHub.Simulators.Dukcapil;
using MppIntegrationHub.Simulators.Hosting;
using MppIntegrationHub.Simulators.Paspor;
using MppIntegrationHub.Simulators.People;
using MppIntegrationHub.Simulators.SatuSehat;
using MppIntegrationHub.Simulators.Sim;
using MppIntegrationHub.Simulators.Simponi;
using MppIntegrationHub.Simulators.Skck;

namespace MppIntegrationHub.Simulators;

/// <summary>
/// Every agency simulator, each its own WireMock.Net server on a loopback port, over one synthetic population.
/// <code>await using var sims = await AgencySimulators.StartAsync(new SimulatorOptions { Seed = 42 });</code>
/// </summary>
public sealed class AgencySimulators : IAsyncDisposable
{
    private readonly CallbackSender _callbacks;

    private AgencySimulators(SimulatorContext context)
    {
        _callbacks = context.Callbacks;
        Options = context.Options;
        Population = context.Population;
        Dukcapil = new DukcapilSimulator(context);
        SatuSehat = new SatuSehatSimulator(context);
        Skck = new SkckSimulator(context);
        Sim = new SimSimulator(context);
        Paspor = new PasporSimulator(context);
        Simponi = new SimponiSimulator(context);
    }

    public SimulatorOptions Options { get; }

    public SyntheticPopulation Population { get; }

    public SimulatorCredentials Credentials => Options.Credentials;

    public DukcapilSimulator Dukcapil { get; }

    public SatuSehatSimulator SatuSehat { get; }

    public SkckSimulator Skck { get; }

    public SimSimulator Sim { get; }

    public PasporSimulator Paspor { get; }

    public SimponiSimulator Simponi { get; }

    public IReadOnlyList<AgencySimulator> All => [Dukcapil, SatuSehat, Skck, Sim, Paspor, Simponi];

    /// <summary>Callbacks the hub acknowledged with a 2xx, and those that failed.</summary>
    public (int Delivered, int Failed) CallbackDeliveries => (_callbacks.Delivered, _callbacks.Failed);

    public AgencySimulator this[string agency] => All.First(a => a.Agency == agency);

    /// <summary>Generates (or takes) the population and starts every agency server.</summary>
    public static Task<AgencySimulators> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        return Task.Run(() =>
        {
            var population = options.Population
                ?? PopulationGenerator.Generate(options.Seed, options.PopulationSize, RestFormats.Today(options.Clock), options.PopulationProgress);
            cancellationToken.ThrowIfCancellationRequested();
            var context = new SimulatorContext(
                options,
                population,
                new BillingLedger(options.Clock, options.Seed, options.AutoPayAfter),
                new CallbackSender(options.HubCallbackUrl, options.CallbackSecrets),
                options.MappingsFolder ?? Path.Combine(AppContext.BaseDirectory, "mappings"));
            var simulators = new AgencySimulators(context);
            try
            {
                foreach (var agency in simulators.All)
                {
                    agency.Start(options.Ports.TryGetValue(agency.Agency, out var port) ? port : null);
                }
            }
            catch
            {
                simulators.Stop();
                throw;
            }

            return simulators;
        }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _callbacks.DisposeAsync();
    }

    private void Stop()
    {
        foreach (var agency in All)
        {
            agency.Dispose();
        }
    }
}
