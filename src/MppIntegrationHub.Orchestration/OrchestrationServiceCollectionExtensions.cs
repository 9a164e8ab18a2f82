using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Orchestration.Catalogue;
using MppIntegrationHub.Orchestration.Definitions;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Hosting;
using MppIntegrationHub.Orchestration.Messaging;
using MppIntegrationHub.Orchestration.Operations;
using MppIntegrationHub.Orchestration.Persistence;
using MppIntegrationHub.Orchestration.Prediction;
using MppIntegrationHub.Orchestration.Telemetry;
using MppIntegrationHub.Storage;

namespace MppIntegrationHub.Orchestration;

/// <summary>Registers the orchestrator.</summary>
public static class OrchestrationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the orchestrator: workflow definitions (built-in catalogue plus <see cref="OrchestrationOptions.DefinitionsFolder"/>),
    /// the service catalogue, the engine (options from the <c>Orchestration</c> section) on the hub's store, operator actions, completion predictions and the
    /// hosted services that migrate the store, relay the outbox, fire due times and sweep expired leases.
    /// Needs an <c>ICapabilityInvoker</c> (the adapter registry), a <see cref="TimeProvider"/> and a bus whose
    /// registration includes <see cref="AddOrchestrationConsumers"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="processWork">
    /// False for a process that only submits (the hub's API role): it keeps the engine and the migration but runs no
    /// outbox relay, scheduler or sweeper; the worker processes do.
    /// </param>
    public static IServiceCollection AddOrchestration(this IServiceCollection services, bool processWork = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(WorkflowEngine)))
        {
            throw new InvalidOperationException("AddOrchestration was called twice.");
        }

        services.AddOptions<OrchestrationOptions>().BindConfiguration(OrchestrationOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHubDbContext<WorkflowDbContext, SqliteWorkflowDbContext, PostgreSqlWorkflowDbContext>();
        services.AddSingleton<StoreWriteGate>();

        services.AddSingleton(sp => new WorkflowDefinitionRegistry(LoadDefinitions(sp.GetRequiredService<IOptions<OrchestrationOptions>>().Value)));
        services.AddSingleton<ServiceCatalogue>();
        services.AddSingleton<CompletionPredictor>();
        services.AddSingleton<WorkflowSignals>();
        services.AddSingleton<AgencyRetryBudget>();
        services.AddSingleton<CommittedOutbox>();
        services.AddSingleton(_ => new DispatchedStates());
        services.AddSingleton<WorkflowCommitter>();
        services.AddSingleton<WorkflowReader>();
        services.AddSingleton(sp => new WorkflowEngine(
            sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(),
            sp.GetRequiredService<WorkflowCommitter>(),
            sp.GetRequiredService<WorkflowReader>(),
            sp.GetRequiredService<WorkflowDefinitionRegistry>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AgencyRetryBudget>()));
        services.AddSingleton(sp => new WorkflowOperations(
            sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(),
            sp.GetRequiredService<StoreWriteGate>(),
            sp.GetRequiredService<WorkflowEngine>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<OrchestrationOptions>>()));
        services.AddScoped<StepExecutor>();
        services.AddSingleton(sp => new StepSlots(sp.GetRequiredService<IOptions<OrchestrationOptions>>().Value.StepConcurrency));
        services.AddMetrics();
        services.TryAddSingleton<WorkflowTelemetry>();

        services.AddHostedService<WorkflowStoreMigrator>();
        if (processWork)
        {
            services.AddHostedService<OutboxRelay>();
            services.AddHostedService<DueTimeScheduler>();
            services.AddHostedService<LeaseSweeper>();
        }

        return services;
    }

    /// <summary>Adds the orchestrator's consumers (step execution, single and batched, cancellation, operator retry, agency callbacks) to the bus.</summary>
    public static IBusRegistrationConfigurator AddOrchestrationConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<ExecuteStepConsumer, ExecuteStepConsumerDefinition>();
        bus.AddConsumer<ExecuteStepsConsumer, ExecuteStepsConsumerDefinition>();
        bus.AddConsumer<CancelApplicationConsumer, CancelApplicationConsumerDefinition>();
        bus.AddConsumer<RetryApplicationFromStepConsumer, RetryApplicationFromStepConsumerDefinition>();
        bus.AddConsumer<RecordAgencyCaseUpdateConsumer, RecordAgencyCaseUpdateConsumerDefinition>();
        return bus;
    }

    private static List<WorkflowDefinition> LoadDefinitions(OrchestrationOptions options)
    {
        var definitions = WorkflowDefinitionLoader.BuiltIn().ToList();
        if (options.DefinitionsFolder is { } folder)
        {
            definitions.AddRange(WorkflowDefinitionLoader.FromFolder(folder, CanonicalCapabilities.ByName.Keys.ToHashSet()));
        }

        return definitions;
    }
}
