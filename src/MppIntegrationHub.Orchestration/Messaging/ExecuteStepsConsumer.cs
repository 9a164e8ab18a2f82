using MassTransit;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Orchestration.Engine;

namespace MppIntegrationHub.Orchestration.Messaging;

/// <summary>
/// Executes a batch of step attempts side by side, each taking one of the process's <see cref="StepSlots"/>, in its
/// application's trace (linked to this consume span). Every attempt runs to its end before the batch fails: one
/// attempt's exception costs the others nothing, and the redelivered batch re-runs only the attempts not recorded
/// (a recorded attempt's dispatch is no longer current and is dropped without calling the agency).
/// </summary>
internal sealed class ExecuteStepsConsumer(StepExecutor executor, StepSlots slots) : IConsumer<ExecuteSteps>
{
    public Task Consume(ConsumeContext<ExecuteSteps> context) => RunAsync(context.Message, context.CancellationToken);

    internal Task RunAsync(ExecuteSteps batch, CancellationToken cancellationToken) =>
        Task.WhenAll(batch.Steps.Select(s => slots.RunAsync(
            slot => executor.ExecuteAsync(s.Step, s.TraceParent, slot, cancellationToken), cancellationToken)));
}

/// <summary>
/// As many batches as single attempts may be taken at once: a batch holds at least two attempts, so the slots, not
/// the bus, bound the attempts running; the bus only keeps enough batches at hand to fill them.
/// </summary>
internal sealed class ExecuteStepsConsumerDefinition(IOptions<OrchestrationOptions> options)
    : StepConsumerDefinition<ExecuteStepsConsumer>(options.Value.StepConcurrency, prefetch: options.Value.StepConcurrency);
