using MassTransit;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Orchestration.Engine;

namespace MppIntegrationHub.Orchestration.Messaging;

/// <summary>Executes a dispatched step attempt.</summary>
internal sealed class ExecuteStepConsumer(StepExecutor executor, StepSlots slots) : IConsumer<ExecuteStep>
{
    public Task Consume(ConsumeContext<ExecuteStep> context) =>
        slots.RunAsync(slot => executor.ExecuteAsync(context.Message, batchedTraceParent: null, slot, context.CancellationToken), context.CancellationToken);
}

/// <summary>
/// Step attempts call their agencies in parallel up to <see cref="OrchestrationOptions.StepConcurrency"/>
/// (<see cref="StepSlots"/>, shared with batched attempts). The bus takes twice as many messages at once: an attempt
/// gives its slot back when its agency answered, and one waiting for its commit must not keep the next from starting.
/// </summary>
internal sealed class ExecuteStepConsumerDefinition(IOptions<OrchestrationOptions> options)
    : StepConsumerDefinition<ExecuteStepConsumer>(options.Value.StepConcurrency * 2, prefetch: options.Value.StepConcurrency * 2);

/// <summary>
/// What the step endpoints (single and batched attempts) share. Bus redelivery covers only store hiccups; agency
/// retries are the engine's (backoff rows), and a lost attempt is re-dispatched by the lease sweeper.
/// </summary>
internal abstract class StepConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly int _prefetch;

    protected StepConsumerDefinition(int concurrentMessages, int prefetch)
    {
        ConcurrentMessageLimit = concurrentMessages;
        _prefetch = prefetch;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _prefetch;
        endpointConfigurator.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
    }
}
