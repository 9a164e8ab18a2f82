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
    : IConsumer<RecordAgencyCaseUpdate>
{
    public async Task Consume(ConsumeContext<RecordAgencyCaseUpdate> context)
    {
        var reference = context.Message.Case.Reference;
        List<(Guid ApplicationId, string StepId)> waiting;
        await using (var db = await contexts.CreateDbContextAsync(context.CancellationToken))
        {
            waiting = [.. (await db.Steps.AsNoTracking()
                .Where(s => s.CorrelationRef == reference && s.Status == StepStatus.Waiting)
                .Select(s => new { s.ApplicationId, s.StepId })
                .ToListAsync(context.CancellationToken))
                .Select(s => (s.ApplicationId, s.StepId))];
        }

        var body = JsonSerializer.SerializeToElement(context.Message.Case, HubJson.Options);
        foreach (var (applicationId, stepId) in waiting)
        {
            await engine.RecordCaseUpdateAsync(applicationId, stepId, body, context.CancellationToken);
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
