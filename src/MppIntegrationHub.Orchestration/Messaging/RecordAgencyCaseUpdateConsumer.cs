using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Messaging;

/// <summary>Feeds an agency's callback to the wait step following that case, ending the wait without the next poll.</summary>
internal sealed class RecordAgencyCaseUpdateConsumer(IDbContextFactory<WorkflowDbContext> contexts, WorkflowEngine engine)
    : IConsumer<RecordAgencyCaseUpdate>, IConsumer<RecordAgencyUpdate>
{
    public Task Consume(ConsumeContext<RecordAgencyCaseUpdate> context) => FeedAsync(
        context.Message.Case.Reference, null, JsonSerializer.SerializeToElement(context.Message.Case, HubJson.Options), context.CancellationToken);

    public Task Consume(ConsumeContext<RecordAgencyUpdate> context) =>
        FeedAsync(context.Message.Reference, context.Message.Capability, context.Message.Update, context.CancellationToken);

    // With a capability only steps calling it are fed, so one agency's callback never ends another agency's wait.
    private async Task FeedAsync(string reference, string? capability, JsonElement update, CancellationToken cancellationToken)
    {
        List<(Guid ApplicationId, string StepId)> waiting;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            waiting = [.. (await db.Steps.AsNoTracking()
                .Where(s => s.CorrelationRef == reference && s.Status == StepStatus.Waiting && (capability == null || s.Capability == capability))
                .Select(s => new { s.ApplicationId, s.StepId })
                .ToListAsync(cancellationToken))
                .Select(s => (s.ApplicationId, s.StepId))];
        }

        foreach (var (applicationId, stepId) in waiting)
        {
            await engine.RecordCaseUpdateAsync(applicationId, stepId, update, cancellationToken);
        }
    }
}

internal sealed class RecordAgencyCaseUpdateConsumerDefinition : ConsumerDefinition<RecordAgencyCaseUpdateConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordAgencyCaseUpdateConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 2_000));
}
