using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Persistence;
using MppIntegrationHub.Orchestration.Tests.Fakes;

namespace MppIntegrationHub.Orchestration.Tests.Engine;

public sealed class GroupCommitTests
{
    private static readonly StepResult Verified = new(JsonDocument.Parse("""{"decision":"verified","fields":{}}""").RootElement, null);

    [Fact]
    public async Task CommitBatch_OneApplicationChangedByAnotherProcessMeanwhile_NoEventLostOrAppliedTwice()
    {
        await using var hub = await OrchestrationHarness.StartAsync(background: false);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp())).Id);
        }

        var contested = ids[1];
        var applications = new Dictionary<Guid, int>();
        var batch = new List<PendingTransition>();
        foreach (var id in ids)
        {
            var dispatch = await EngineGuaranteeTests.DispatchOf(hub, id, "verify-identity");
            batch.Add(PendingTransition.Update(id, t =>
            {
                applications[id] = applications.GetValueOrDefault(id) + 1;
                if (id == contested && applications[id] == 1)
                {
                    // Another process commits a change to this application after the batch loaded it.
                    BumpRevision(hub, id);
                }

                return t.RecordOutcome("verify-identity", dispatch, Verified, RetryGate.Open);
            }));
        }

        await hub.Host.Services.GetRequiredService<WorkflowCommitter>().CommitBatchAsync(batch);

        Assert.All(await Task.WhenAll(batch.Select(p => p.Completion)), Assert.NotNull);
        Assert.All(ids, id => Assert.Equal(2, applications[id])); // the conflict threw the whole first attempt away
        await using var db = await hub.Contexts.CreateDbContextAsync();
        var rows = await db.Applications.AsNoTracking().Include(a => a.Steps).Where(a => ids.Contains(a.Id)).ToListAsync();
        Assert.All(rows, app => Assert.Equal(StepStatus.Succeeded, app.Steps.Single(s => s.StepId == "verify-identity").Status));
        Assert.Equal(2, rows.Single(a => a.Id == contested).Revision); // the other process's change, then this batch's
        var dispatched = (await db.Outbox.AsNoTracking().ToListAsync())
            .SelectMany(r => OutboxBody.Read(r.Body).Select(e => e.Message))
            .OfType<ExecuteStep>()
            .Where(m => m.StepId == "request-document")
            .GroupBy(m => m.ApplicationId)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.All(ids, id => Assert.Equal(1, dispatched.GetValueOrDefault(id)));
    }

    [Fact]
    public async Task CommitBatch_OneEventThrows_OnlyThatEventFailsAndTheOthersCommit()
    {
        await using var hub = await OrchestrationHarness.StartAsync(background: false);
        var first = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
        var second = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
        var dispatch = await EngineGuaranteeTests.DispatchOf(hub, second.Id, "verify-identity");
        var failing = PendingTransition.Update(first.Id, _ => throw new InvalidOperationException("broken event"));
        var healthy = PendingTransition.Update(second.Id, t => t.RecordOutcome("verify-identity", dispatch, Verified, RetryGate.Open));

        await hub.Host.Services.GetRequiredService<WorkflowCommitter>().CommitBatchAsync([failing, healthy]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Completion);
        Assert.NotNull(await healthy.Completion);
        var after = await hub.Engine.GetAsync(second.Id);
        Assert.Equal(StepStatus.Succeeded, after!.Steps.Single(s => s.Id == "verify-identity").Status);
    }

    [Fact]
    public async Task Submit_ManyAtOnce_EachCommittedOnceWithItsFirstDispatch()
    {
        await using var hub = await OrchestrationHarness.StartAsync(background: false);

        // Hold SQLite's single writer so the submissions queue behind the first commit whatever the machine's speed.
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = hub.Host.Services.GetRequiredService<StoreWriteGate>().WriteAsync(() => release.Task);
        var started = 0;
        var submitting = Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() =>
        {
            Interlocked.Increment(ref started);
            return hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
        })));
        await EngineGuaranteeTests.WaitUntil(() => Volatile.Read(ref started) == 40);
        release.SetResult(0);
        await held;
        var submitted = await submitting;

        await using var db = await hub.Contexts.CreateDbContextAsync();
        Assert.Equal(40, await db.Applications.CountAsync());
        var rows = await db.Outbox.AsNoTracking().ToListAsync();
        Assert.True(rows.Count < 40, $"{rows.Count} outbox rows for 40 submissions: they were not grouped");
        var messages = rows.SelectMany(r => OutboxBody.Read(r.Body).Select(e => e.Message)).ToList();
        Assert.Equal(submitted.Select(a => a.Id).Order(), messages.OfType<ExecuteStep>().Select(m => m.ApplicationId).Order());
        Assert.Equal(40, messages.OfType<ApplicationSubmitted>().Count());
    }

    [Fact]
    public async Task OutboxRelay_RowOfAProcessThatDied_SentOnceItsClaimExpired()
    {
        var received = new List<ApplicationStatusChanged>();
        StatusRecorder.Sink = received;
        await using var hub = await OrchestrationHarness.StartAsync(bus: x => x.AddConsumer<StatusRecorder>());
        var now = hub.Clock.GetUtcNow();
        var lost = new ApplicationStatusChanged(Guid.NewGuid(), "portal-bandung", ServiceCodes.KtpReplacement, ApplicationStatus.Running, now, null);
        await using (var db = await hub.Contexts.CreateDbContextAsync())
        {
            db.Outbox.Add(new OutboxMessage
            {
                Body = OutboxBody.Write([new OutboxEntry(lost, null)]),
                MessageCount = 1,
                CreatedAt = now,
                ClaimedBy = Guid.NewGuid(),
                ClaimedUntil = now + TimeSpan.FromSeconds(30),
            });
            await db.SaveChangesAsync();
        }

        hub.Clock.Advance(TimeSpan.FromSeconds(31)); // the dead relay's claim lapses
        // Keep the clock moving until the live relay polls: its timer may be armed after the first advance.
        await EngineGuaranteeTests.WaitUntil(() =>
        {
            lock (received)
            {
                if (received.Count > 0)
                {
                    return true;
                }
            }

            hub.Clock.Advance(TimeSpan.FromSeconds(1));
            return false;
        });
        await EngineGuaranteeTests.WaitUntil(() =>
        {
            using var db = hub.Contexts.CreateDbContext();
            return !db.Outbox.Any();
        });

        lock (received)
        {
            Assert.Equal(lost.ApplicationId, Assert.Single(received).ApplicationId);
        }
    }

    private static void BumpRevision(OrchestrationHarness hub, Guid id)
    {
        using var other = hub.Contexts.CreateDbContext();
        other.Applications.Where(a => a.Id == id).ExecuteUpdate(s => s.SetProperty(a => a.Revision, a => a.Revision + 1));
    }

    private sealed class StatusRecorder : IConsumer<ApplicationStatusChanged>
    {
        public static List<ApplicationStatusChanged>? Sink { get; set; }

        public Task Consume(ConsumeContext<ApplicationStatusChanged> context)
        {
            lock (Sink!)
            {
                Sink.Add(context.Message);
            }

            return Task.CompletedTask;
        }
    }
}
