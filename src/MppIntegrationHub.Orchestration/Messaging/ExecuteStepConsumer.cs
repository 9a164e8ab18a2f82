using MassTransit;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Orchestration.Engine;

namespace MppIntegrationHub.Orchestration.Messaging;

/// <summary>Executes a dispatched step attempt.</summary>
internal sealed class ExecuteStepConsumer(StepExecutor executor) : IConsumer<ExecuteStep>
{
    public Task Consume(ConsumeContext<ExecuteStep> context) => executor.ExecuteAsync(context.Message, context.CancellationToken);
}

/// <summary>
/// Step attempts run in parallel up to <see cref="OrchestrationOptions.StepConcurrency"/>. Bus redelivery covers
/// only store hiccups; agency retries are the engine's (backoff rows), and a lost attempt is re-dispatched by the
/// lease sweeper.
/// </summary>
internal sealed class ExecuteStepConsumerDefinition : ConsumerDefinition<ExecuteStepConsumer>
{
    private readonly int _concurrency;

    public ExecuteStepConsumerDefinition(IOptions<OrchestrationOptions> options)
    {
        _concurrency = options.Value.StepConcurrency;
        ConcurrentMessageLimit = _concurrency;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ExecuteStepConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _concurrency * 2;
        endpointConfigurator.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
    }
}
