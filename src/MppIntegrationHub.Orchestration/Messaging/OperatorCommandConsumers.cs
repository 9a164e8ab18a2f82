using MassTransit;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Orchestration.Operations;

namespace MppIntegrationHub.Orchestration.Messaging;

/// <summary>Cancels an application (compensation runs first).</summary>
internal sealed class CancelApplicationConsumer(WorkflowOperations operations) : IConsumer<CancelApplication>
{
    public Task Consume(ConsumeContext<CancelApplication> context) =>
        operations.CancelAsync(context.Message.ApplicationId, context.Message.Reason, context.Message.RequestedBy, context.CancellationToken);
}

/// <summary>Re-runs a failed application from one of its failed steps.</summary>
internal sealed class RetryApplicationFromStepConsumer(WorkflowOperations operations) : IConsumer<RetryApplicationFromStep>
{
    public Task Consume(ConsumeContext<RetryApplicationFromStep> context) =>
        operations.RetryFromStepAsync(context.Message.ApplicationId, context.Message.StepId, context.Message.RequestedBy, context.CancellationToken);
}

internal sealed class CancelApplicationConsumerDefinition : ConsumerDefinition<CancelApplicationConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CancelApplicationConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 2_000));
}

internal sealed class RetryApplicationFromStepConsumerDefinition : ConsumerDefinition<RetryApplicationFromStepConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RetryApplicationFromStepConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 2_000));
}
