using System.Globalization;
using MassTransit;
using MppIntegrationHub.Hub.Webhooks;
using MppIntegrationHub.Orchestration;

namespace MppIntegrationHub.Hub.Hosting;

/// <summary>Registers the message bus of one hub process.</summary>
public static class HubBusExtensions
{
    /// <summary>
    /// Adds MassTransit on the transport named by <see cref="BusOptions"/> (section <c>Bus</c>). Roles that process work
    /// get the orchestrator's and the webhooks' consumers; the API role only publishes. On RabbitMQ queues and exchanges
    /// are durable, every publish waits for the broker's confirm, and prefetch bounds the unacknowledged messages per
    /// endpoint (the step consumer sets its own from <c>Orchestration:StepConcurrency</c>), so a worker that dies
    /// hands its unacknowledged messages back to the broker for another; commands must reach a queue
    /// (<see cref="MandatoryCommands"/>).
    /// </summary>
    public static IServiceCollection AddHubBus(this IServiceCollection services, IConfiguration configuration, HubRole role)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        services.AddSingleton(options);
        services.AddMassTransit(bus =>
        {
            if (role.ProcessesWork())
            {
                bus.AddOrchestrationConsumers();
                bus.AddWebhookConsumers();
            }

            if (options.Transport == BusTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, transport) =>
                {
                    var rabbit = options.RabbitMq;
                    var name = rabbit.ConnectionName ?? string.Create(CultureInfo.InvariantCulture, $"mpp-hub-{role}-{Environment.MachineName}-{Environment.ProcessId}");
                    transport.Host(rabbit.Uri, name, host => host.PublisherConfirmation = true);
                    transport.Durable = true;
                    transport.AutoDelete = false;
                    transport.PrefetchCount = rabbit.PrefetchCount;
                    transport.ConfigurePublish(publish => publish.PublishCommandsMandatory());
                    transport.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
            }
        });
        return services;
    }
}
