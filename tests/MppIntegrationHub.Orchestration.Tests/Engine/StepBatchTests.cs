using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Hosting;
using MppIntegrationHub.Orchestration.Messaging;
using MppIntegrationHub.Orchestration.Telemetry;
using MppIntegrationHub.Orchestration.Tests.Fakes;

namespace MppIntegrationHub.Orchestration.Tests.Engine;

public sealed class StepBatchTests
{
    [Fact]
    public void Group_SeventeenAttemptsAtSixteenPerMessage_SplitEvenlyWithOtherMessagesUnchanged()
    {
        var status = new OutboxEntry(new ApplicationStatusChanged(Guid.NewGuid(), "portal", ServiceCodes.KtpReplacement, ApplicationStatus.Running, DateTimeOffset.UnixEpoch, null), "00-a");
        var attempts = Enumerable.Range(0, 17).Select(i => new OutboxEntry(Attempt(), $"00-{i}")).ToList();

        var grouped = StepBatching.Group([status, .. attempts], stepsPerMessage: 16);

        Assert.Same(status, grouped[0]);
        var batches = grouped.Skip(1).Select(e => Assert.IsType<ExecuteSteps>(e.Message)).ToList();
        Assert.Equal([9, 8], batches.Select(b => b.Steps.Count));
        Assert.Equal(
            attempts.Select(a => ((ExecuteStep)a.Message, a.TraceParent)),
            batches.SelectMany(b => b.Steps).Select(s => (s.Step, s.TraceParent)));
    }

    [Fact]
    public void Group_OneAttempt_GoesAsAPlainExecuteStep()
    {
        var attempt = new OutboxEntry(Attempt(), null);

        Assert.Same(attempt, Assert.Single(StepBatching.Group([attempt], stepsPerMessage: 16)));
    }

    [Fact]
    public async Task Run_OneAttemptThrows_TheOthersRecordedOnceAndARedeliveryRunsOnlyTheFailedOne()
    {
        var faults = new FaultingAgencies();
        await using var hub = await OrchestrationHarness.StartAsync(background: false, invoker: fakes => faults.Wrap(fakes));
        var batch = await SubmitAsync(hub, 5);
        faults.FailingApplication = batch.Steps[2].Step.ApplicationId;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Run(hub, batch, new StepSlots(64)));
        faults.FailingApplication = null;
        await Run(hub, batch, new StepSlots(64));

        Assert.All(batch.Steps, s => Assert.Equal(1, hub.Agencies.Calls.Count(c => c.Key == s.Step.IdempotencyKey)));
        foreach (var attempt in batch.Steps)
        {
            var app = await hub.Engine.GetAsync(attempt.Step.ApplicationId);
            Assert.Equal(StepStatus.Succeeded, app!.Steps.Single(s => s.Id == attempt.Step.StepId).Status);
        }
    }

    [Fact]
    public async Task Run_MoreAttemptsThanSlots_NeverMoreAtOnceThanTheSlots()
    {
        var faults = new FaultingAgencies();
        await using var hub = await OrchestrationHarness.StartAsync(background: false, invoker: fakes => faults.Wrap(fakes));
        var batch = await SubmitAsync(hub, 6);

        await Run(hub, batch, new StepSlots(2));

        Assert.Equal(2, faults.MostAtOnce);
        Assert.Equal(6, hub.Agencies.Calls.Count);
    }

    [Fact]
    public async Task Run_TracedAttempts_EachStepSpanInItsApplicationsTraceLinkedToTheBatch()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WorkflowTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span => { lock (spans) { spans.Add(span); } },
        };
        ActivitySource.AddActivityListener(listener);
        await using var hub = await OrchestrationHarness.StartAsync(background: false);
        var submitted = await SubmitAsync(hub, 2);
        var traces = submitted.Steps.Select(_ => ActivityTraceId.CreateRandom()).ToList();
        var batch = new ExecuteSteps([.. submitted.Steps.Select((s, i) => s with { TraceParent = $"00-{traces[i]}-{ActivitySpanId.CreateRandom()}-01" })]);

        ActivityTraceId batchTrace;
        using (var consume = new Activity("consume ExecuteSteps").Start())
        {
            batchTrace = consume.TraceId;
            await Run(hub, batch, new StepSlots(64));
        }

        // The listener hears every test's spans: only this batch's traces count.
        List<Activity> steps;
        lock (spans)
        {
            steps = [.. spans.Where(s => s.DisplayName == "workflow step verify-identity" && traces.Contains(s.TraceId))];
        }

        Assert.Equal(traces.Select(t => t.ToHexString()).Order(), steps.Select(s => s.TraceId.ToHexString()).Order());
        Assert.All(steps, s => Assert.Equal(batchTrace, Assert.Single(s.Links).Context.TraceId));
    }

    private static async Task<ExecuteSteps> SubmitAsync(OrchestrationHarness hub, int count)
    {
        var steps = new List<DispatchedStep>();
        for (var i = 0; i < count; i++)
        {
            var app = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
            await using var db = await hub.Contexts.CreateDbContextAsync();
            var step = await db.Steps.AsNoTracking().SingleAsync(s => s.ApplicationId == app.Id && s.Status == StepStatus.Running);
            steps.Add(new DispatchedStep(new ExecuteStep(app.Id, step.StepId, step.Attempts, step.IdempotencyKey, step.DispatchId!.Value), null));
        }

        return new ExecuteSteps(steps);
    }

    private static async Task Run(OrchestrationHarness hub, ExecuteSteps batch, StepSlots slots)
    {
        await using var scope = hub.Host.Services.CreateAsyncScope();
        using (slots)
        {
            await new ExecuteStepsConsumer(scope.ServiceProvider.GetRequiredService<StepExecutor>(), slots).RunAsync(batch, CancellationToken.None);
        }
    }

    private static ExecuteStep Attempt() => new(Guid.NewGuid(), "verify-identity", 1, Guid.NewGuid().ToString(), Guid.NewGuid());

    /// <summary>Throws (not an agency error: a bug) instead of calling the agency for one application; counts calls at once.</summary>
    private sealed class FaultingAgencies
    {
        private int _atOnce;
        private int _mostAtOnce;
        private readonly TaskCompletionSource _secondArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Guid? FailingApplication { get; set; }

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public ICapabilityInvoker Wrap(FakeAgencies agencies) => new Invoker(this, agencies);

        private async Task<JsonElement> InvokeAsync(FakeAgencies agencies, string capability, JsonElement request, CallContext context, CancellationToken cancellationToken)
        {
            var atOnce = Interlocked.Increment(ref _atOnce);
            InterlockedMax(atOnce);
            try
            {
                // The first call waits for a second one, so calls demonstrably overlap up to the slots.
                if (atOnce >= 2)
                {
                    _secondArrived.TrySetResult();
                }
                else
                {
                    await _secondArrived.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
                }

                return context.ApplicationId == FailingApplication
                    ? throw new InvalidOperationException("the request could not be built")
                    : await agencies.InvokeAsync(capability, request, context, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _atOnce);
            }
        }

        private void InterlockedMax(int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, value, seen) != seen)
            {
            }
        }

        private sealed class Invoker(FaultingAgencies owner, FakeAgencies agencies) : ICapabilityInvoker
        {
            public Task<TResult> InvokeAsync<TRequest, TResult>(Capability<TRequest, TResult> capability, TRequest request, CallContext context, CancellationToken cancellationToken = default) =>
                throw new NotSupportedException("The orchestrator calls capabilities untyped.");

            public Task<JsonElement> InvokeAsync(string capability, JsonElement request, CallContext context, CancellationToken cancellationToken = default) =>
                owner.InvokeAsync(agencies, capability, request, context, cancellationToken);
        }
    }
}
