using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Tests.Fakes;

namespace MppIntegrationHub.Orchestration.Tests.Engine;

public sealed class EngineGuaranteeTests
{
    private static readonly StepResult Verified = new(JsonDocument.Parse("""{"decision":"verified","fields":{}}""").RootElement, null);

    [Fact]
    public async Task LeaseSweeper_WorkerHangs_RedispatchesAndTheAgencyWriteHappensOnce()
    {
        await using var hub = await OrchestrationHarness.StartAsync();
        hub.Agencies.HangNext("population.document.request");

        var submitted = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
        await WaitUntil(() => hub.Agencies.CallsOf("population.document.request") == 1);
        hub.Clock.Advance(TimeSpan.FromMinutes(3)); // past the 2-minute lease and a sweep
        await WaitUntil(() => hub.Agencies.CallsOf("population.document.request") == 2);
        var done = await hub.AdvanceUntilAsync(submitted.Id, ApplicationStatus.Completed, TimeSpan.FromDays(2));
        hub.Agencies.Release("population.document.request"); // the "dead" worker wakes up and reports late
        await WaitUntil(() => hub.Agencies.Duplicates.GetValueOrDefault("population.document.request") == 1);

        var after = await hub.Engine.GetAsync(submitted.Id);
        Assert.Equal(ApplicationStatus.Completed, after!.Status);
        Assert.Equal(2, done.Steps.Single(s => s.Id == "request-document").Attempts);
        Assert.Equal(1, hub.Agencies.Effects["population.document.request"]);
        Assert.Single(hub.Agencies.Calls.Where(c => c.Capability == "population.document.request").Select(c => c.Key).Distinct());
    }

    [Fact]
    public async Task RecordOutcome_SameAttemptDeliveredConcurrently_AppliedExactlyOnce()
    {
        await using var hub = await OrchestrationHarness.StartAsync(background: false);
        var submitted = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
        var dispatch = await DispatchOf(hub, submitted.Id, "verify-identity");

        var applied = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => hub.Engine.RecordOutcomeAsync(submitted.Id, "verify-identity", dispatch, Verified, CancellationToken.None))));

        Assert.Single(applied, a => a);
        Assert.Equal(1, await ExecuteStepsFor(hub, submitted.Id, "request-document"));
        var app = await hub.Engine.GetAsync(submitted.Id);
        Assert.Equal(StepStatus.Running, app!.Steps.Single(s => s.Id == "request-document").Status);
    }

    [Fact]
    public async Task RecordOutcome_ParallelStepsFinishTogether_NoneLostAndTheJoinDispatchedOnce()
    {
        await using var hub = await OrchestrationHarness.StartAsync(background: false);
        var submitted = await hub.SubmitAsync(ServiceCodes.SimRenewal, Inputs.Sim());
        await hub.Engine.RecordOutcomeAsync(submitted.Id, "verify-identity", await DispatchOf(hub, submitted.Id, "verify-identity"), Verified, CancellationToken.None);
        var checks = new Dictionary<string, string>
        {
            ["check-licence"] = """{"eligible":true,"licence":{"number":"1234-5678-000123","class":"a","issuedOn":"2021-12-23","expiresOn":"2026-12-23"}}""",
            ["health-result"] = """{"certificateNumber":"RIKKES-1","passed":true,"issuedOn":"2026-11-20","validUntil":"2027-05-20"}""",
            ["psychology-result"] = """{"certificateNumber":"PPSI-1","passed":true,"issuedOn":"2026-11-20","validUntil":"2027-05-20"}""",
        };
        var dispatches = new Dictionary<string, Guid>();
        foreach (var step in checks.Keys)
        {
            dispatches[step] = await DispatchOf(hub, submitted.Id, step);
        }

        var applied = await Task.WhenAll(checks.Select(c => Task.Run(() => hub.Engine.RecordOutcomeAsync(
            submitted.Id, c.Key, dispatches[c.Key], new StepResult(JsonDocument.Parse(c.Value).RootElement, null), CancellationToken.None))));

        Assert.All(applied, Assert.True);
        var app = await hub.Engine.GetAsync(submitted.Id);
        Assert.All(checks.Keys, id => Assert.Equal(StepStatus.Succeeded, app!.Steps.Single(s => s.Id == id).Status));
        Assert.Equal(1, await ExecuteStepsFor(hub, submitted.Id, "create-billing"));
    }

    [Fact]
    public async Task StaleDispatch_OutcomeOfAReplacedAttempt_IsIgnored()
    {
        await using var hub = await OrchestrationHarness.StartAsync(background: false);
        var submitted = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
        var first = await DispatchOf(hub, submitted.Id, "verify-identity");
        hub.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await hub.Engine.RedispatchExpiredLeaseAsync(submitted.Id, "verify-identity", first, CancellationToken.None));

        var staleApplied = await hub.Engine.RecordOutcomeAsync(submitted.Id, "verify-identity", first, Verified, CancellationToken.None);
        var currentApplied = await hub.Engine.RecordOutcomeAsync(submitted.Id, "verify-identity", await DispatchOf(hub, submitted.Id, "verify-identity"), Verified, CancellationToken.None);

        Assert.False(staleApplied);
        Assert.True(currentApplied);
        var step = (await hub.Engine.GetAsync(submitted.Id))!.Steps.Single(s => s.Id == "verify-identity");
        Assert.Equal((StepStatus.Succeeded, 2), (step.Status, step.Attempts));
    }

    [Fact]
    public async Task TransientFailure_AgencyDown_PausesTheApplicationAndRetriesWithBackoff()
    {
        await using var hub = await OrchestrationHarness.StartAsync();
        hub.Agencies.FailTransiently("identity.verify", 3);

        var submitted = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
        var paused = await hub.WaitForStatusAsync(submitted.Id, ApplicationStatus.Paused);

        Assert.Contains("identity is unavailable", paused.StatusReason, StringComparison.Ordinal);
        var step = paused.Steps.Single(s => s.Id == "verify-identity");
        Assert.Equal(StepStatus.RetryScheduled, step.Status);
        Assert.True(step.NextAttemptAt > hub.Clock.GetUtcNow());
        Assert.Equal(Contracts.Errors.AgencyErrorKind.Transient, step.LastError!.Kind);
        await hub.AdvanceUntilAsync(submitted.Id, ApplicationStatus.Completed, TimeSpan.FromDays(2));
        Assert.Equal(4, hub.Agencies.CallsOf("identity.verify"));
    }

    [Fact]
    public async Task AgencyCallback_CaseCompleted_EndsTheWaitWithoutAnotherPoll()
    {
        await using var hub = await OrchestrationHarness.StartAsync();
        var submitted = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
        await hub.WaitForAsync(submitted.Id, a => a.Steps.Single(s => s.Id == "wait-printing").Status == StepStatus.Waiting);
        var polls = hub.Agencies.CallsOf("population.document.status");
        var reference = (await ReferenceOf(hub, submitted.Id, "request-document"))!;

        await hub.Host.Services.GetRequiredService<IBus>().Publish(new RecordAgencyCaseUpdate("dukcapil", new AgencyCase
        {
            Reference = reference,
            Status = AgencyCaseStatus.Completed,
            UpdatedAt = hub.Clock.GetUtcNow(),
            Outputs = new Dictionary<string, string> { ["pickupLocation"] = "MPP Kota Bandung, loket 4" },
        }));
        var done = await hub.WaitForStatusAsync(submitted.Id, ApplicationStatus.Completed);

        Assert.Equal("MPP Kota Bandung, loket 4", done.Outputs["pickupLocation"].GetString());
        Assert.Equal(polls, hub.Agencies.CallsOf("population.document.status"));
    }

    [Fact]
    public async Task Submit_NewApplication_PredictsThePublishedDurationUntilDurationsAreObserved()
    {
        await using var hub = await OrchestrationHarness.StartAsync(background: false);

        var submitted = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());

        var expected = submitted.ExpectedCompletion!;
        Assert.InRange(expected.P50 - OrchestrationHarness.Start, TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.True(expected.P90 > expected.P50);
    }

    [Fact]
    public async Task Submit_UnknownServiceOrBadAnswers_RefusedWithEveryReason()
    {
        await using var hub = await OrchestrationHarness.StartAsync(background: false);

        var unknown = await Assert.ThrowsAsync<ApplicationInputException>(() => hub.SubmitAsync("NO_SUCH_SERVICE", []));
        var bad = await Assert.ThrowsAsync<ApplicationInputException>(() => hub.SubmitAsync(
            ServiceCodes.SimRenewal, new Dictionary<string, object> { ["licenceClass"] = "b", ["shoeSize"] = "42" }));

        Assert.Contains("NO_SUCH_SERVICE", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(3, bad.Errors.Count); // fullName missing, class not A/C, shoeSize not asked
        await using var db = await hub.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.Applications.CountAsync());
    }

    internal static async Task<Guid> DispatchOf(OrchestrationHarness hub, Guid applicationId, string stepId)
    {
        await using var db = await hub.Contexts.CreateDbContextAsync();
        var step = await db.Steps.AsNoTracking().SingleAsync(s => s.ApplicationId == applicationId && s.StepId == stepId);
        return step.DispatchId ?? throw new InvalidOperationException($"{stepId} is not dispatched ({step.Status}).");
    }

    private static async Task<int> ExecuteStepsFor(OrchestrationHarness hub, Guid applicationId, string stepId)
    {
        await using var db = await hub.Contexts.CreateDbContextAsync();
        var rows = await db.Outbox.AsNoTracking().ToListAsync();
        return rows.SelectMany(r => OutboxBody.Read(r.Body).Select(e => e.Message)).OfType<ExecuteStep>()
            .Count(m => m.ApplicationId == applicationId && m.StepId == stepId);
    }

    private static async Task<string?> ReferenceOf(OrchestrationHarness hub, Guid applicationId, string stepId)
    {
        await using var db = await hub.Contexts.CreateDbContextAsync();
        var step = await db.Steps.AsNoTracking().SingleAsync(s => s.ApplicationId == applicationId && s.StepId == stepId);
        return JsonDocument.Parse(step.OutputJson!).RootElement.GetProperty("reference").GetString();
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(10, cts.Token);
        }
    }
}
