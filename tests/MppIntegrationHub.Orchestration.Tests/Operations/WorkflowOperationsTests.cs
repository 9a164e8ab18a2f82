using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Tests.Fakes;

namespace MppIntegrationHub.Orchestration.Tests.Operations;

public sealed class WorkflowOperationsTests
{
    [Fact]
    public async Task StopAgencyRetries_AgencyFailing_ParksListsStuckAndResumesOnRequest()
    {
        await using var hub = await OrchestrationHarness.StartAsync();
        await hub.Operations.StopAgencyRetriesAsync("population", "Dukcapil maintenance window");
        hub.Agencies.FailTransiently("population.document.request", 1);

        var submitted = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
        var parked = await hub.WaitForAsync(submitted.Id, a => a.Steps.Single(s => s.Id == "request-document").Status == StepStatus.RetryScheduled);
        hub.Clock.Advance(TimeSpan.FromHours(6));
        await hub.SettleAsync(submitted.Id);
        var stuck = await hub.Operations.ListStuckAsync();

        Assert.Equal(ApplicationStatus.Paused, parked.Status);
        Assert.Contains("stopped by an operator", parked.StatusReason, StringComparison.Ordinal);
        Assert.Equal(1, hub.Agencies.CallsOf("population.document.request"));
        var entry = Assert.Single(stuck);
        Assert.Equal((submitted.Id, "request-document", "population"), (entry.ApplicationId, entry.StepId, entry.Agency));

        Assert.Equal(1, await hub.Operations.ResumeAgencyRetriesAsync("population"));
        await hub.AdvanceUntilAsync(submitted.Id, ApplicationStatus.Completed, TimeSpan.FromDays(2));
        Assert.Empty(await hub.Operations.ListStuckAsync());
    }

    [Fact]
    public async Task RetryFromStep_AfterAPermanentFailureIsFixed_CompletesWithAFreshIdempotencyKey()
    {
        await using var hub = await OrchestrationHarness.StartAsync();
        hub.Agencies.FailPermanently("population.document.request", "dukcapil.region-closed", "The pick-up MPP is not taking requests.");
        var submitted = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
        var failed = await hub.WaitForStatusAsync(submitted.Id, ApplicationStatus.Failed);
        hub.Agencies.StopFailing("population.document.request");

        var retried = await hub.Operations.RetryFromStepAsync(submitted.Id, "request-document", "operator@mpp");
        var done = await hub.AdvanceUntilAsync(submitted.Id, ApplicationStatus.Completed, TimeSpan.FromDays(2));

        Assert.Equal("Dukcapil did not accept the replacement request: The pick-up MPP is not taking requests.", failed.StatusReason);
        Assert.True(retried);
        Assert.Null(done.StatusReason);
        var keys = hub.Agencies.Calls.Where(c => c.Capability == "population.document.request").Select(c => c.Key).ToList();
        Assert.Equal(2, keys.Distinct().Count());
        Assert.False(await hub.Operations.RetryFromStepAsync(submitted.Id, "request-document", "operator@mpp"));
    }

    [Fact]
    public async Task Cancel_PassportWaitingForPayment_ReleasesTheAppointmentAndEndsCancelled()
    {
        await using var hub = await OrchestrationHarness.StartAsync();
        hub.Agencies.AutoPay = false;
        var submitted = await hub.SubmitAsync(ServiceCodes.PasporNew, Inputs.Paspor());
        await hub.WaitForAsync(submitted.Id, a => a.Steps.Single(s => s.Id == "wait-payment").Status == StepStatus.Waiting);

        var accepted = await hub.Operations.CancelAsync(submitted.Id, "citizen changed plans", "portal-bandung");
        var cancelled = await hub.WaitForStatusAsync(submitted.Id, ApplicationStatus.Cancelled);

        Assert.True(accepted);
        Assert.Equal("Cancelled by portal-bandung: citizen changed plans", cancelled.StatusReason);
        Assert.Equal(StepStatus.Compensated, cancelled.Steps.Single(s => s.Id == "book-appointment").Status);
        Assert.Equal(StepStatus.Skipped, cancelled.Steps.Single(s => s.Id == "wait-payment").Status);
        Assert.Equal(1, hub.Agencies.Effects["passport.appointment.cancel"]);
        Assert.False(await hub.Operations.CancelAsync(submitted.Id, "again", "portal-bandung"));
    }
}
