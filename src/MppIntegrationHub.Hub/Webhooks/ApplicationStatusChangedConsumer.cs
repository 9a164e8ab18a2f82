using MassTransit;
using MppIntegrationHub.Contracts.Messages;

namespace MppIntegrationHub.Hub.Webhooks;

/// <summary>Turns the orchestrator's status changes into webhook deliveries for the application's client.</summary>
public sealed class ApplicationStatusChangedConsumer(WebhookService webhooks) : IConsumer<ApplicationStatusChanged>
{
    public Task Consume(ConsumeContext<ApplicationStatusChanged> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return webhooks.EnqueueAsync(context.Message, context.CancellationToken);
    }
}
