using MassTransit;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Orchestration.Engine;

namespace MppIntegrationHub.Orchestration.Messaging;

/// <summary>Executes a dispatched step attempt.</summary>
internal sealed class ExecuteStepConsumer(StepExecutor executor, StepSlots slots) : IConsumer<ExecuteStep>
{
    public Task Consume(ConsumeContext<ExecuteStep> context) =>
        slots.RunAsync(() => executor.ExecuteAsync(context.Message, batchedTraceParent: null, context.CancellationToken), context.CancellationToken);
}

/// <summary>
/// Step attempts run in parallel up to <see cref="OrchestrationOptions.StepConcurrency"/> (<see cref="StepSlots"/>,
/// shared with batched attempts). Bus redelivery covers only store hiccups; agency retries are the engine's (backoff
/// rows), and a lost attempt is re-dispatched by the lease sweeper.
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
        IRegistrationContext context) =>
        StepEndpoint.Configure(endpointConfigurator, _concurrency * 2);
}

/// <summary>What the step endpoints (single and batched attempts) share.</summary>
internal static class StepEndpoint
{
    public static void Configure(IReceiveEndpointConfigurator endpoint, int prefetch)
    {
        endpoint.PrefetchCount = prefetch;
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
    }
}
