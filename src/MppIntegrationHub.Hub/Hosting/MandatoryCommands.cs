using MassTransit;
using MppIntegrationHub.Contracts.Messages;

namespace MppIntegrationHub.Hub.Hosting;

/// <summary>
/// Publishes the workflow commands as mandatory on RabbitMQ. The broker drops a message that no queue is bound for, as
/// on a new broker before any worker has started: mandatory, it comes back and its publish fails instead, so the
/// outbox keeps the row for its next pass and an agency's callback gets an error it retries. Events are published as
/// before: they may have no subscriber.
/// </summary>
internal static class MandatoryCommands
{
    public static void PublishCommandsMandatory(this IPublishPipeConfigurator publish)
    {
        publish.UseFilter(new MandatoryFilter<ExecuteStep>());
        publish.UseFilter(new MandatoryFilter<ExecuteSteps>());
        publish.UseFilter(new MandatoryFilter<CancelApplication>());
        publish.UseFilter(new MandatoryFilter<RetryApplicationFromStep>());
        publish.UseFilter(new MandatoryFilter<RecordAgencyCaseUpdate>());
        publish.UseFilter(new MandatoryFilter<RecordAgencyUpdate>());
    }

    private sealed class MandatoryFilter<T> : IFilter<PublishContext<T>>
        where T : class
    {
        public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
        {
            if (context.TryGetPayload(out RabbitMqSendContext? rabbit))
            {
                rabbit.Mandatory = true;
            }

            return next.Send(context);
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("mandatory");
    }
}
