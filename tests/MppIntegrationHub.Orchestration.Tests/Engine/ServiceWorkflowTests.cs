using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Tests.Fakes;

namespace MppIntegrationHub.Orchestration.Tests.Engine;

public sealed class ServiceWorkflowTests
{
    [Fact]
    public async Task Skck_AgenciesAnswer_CompletesWithCertificateAfterDays()
    {
        await using var hub = await OrchestrationHarness.StartAsync();

        var submitted = await hub.SubmitAsync(ServiceCodes.SkckNew, Inputs.Skck());
        var done = await hub.AdvanceUntilAsync(submitted.Id, ApplicationStatus.Completed, TimeSpan.FromDays(5));

        Assert.StartsWith("SKCK/", done.Outputs["certificateNumber"].GetString(), StringComparison.Ordinal);
        Assert.Equal("2027-05-26", done.Outputs["validUntil"].GetString());
        Assert.True(done.CompletedAt - done.SubmittedAt >= TimeSpan.FromDays(3));
        Assert.All(done.Steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.Equal(30000, hub.Agencies.Billings.Single().Amount);
    }

    [Theory]
    [InlineData("a", 80000)]
    [InlineData("c", 75000)]
    public async Task SimRenewal_ValidLicence_CompletesAndBillsTheClassFee(string licenceClass, long fee)
    {
        await using var hub = await OrchestrationHarness.StartAsync();

        var submitted = await hub.SubmitAsync(ServiceCodes.SimRenewal, Inputs.Sim(licenceClass));
        var done = await hub.AdvanceUntilAsync(submitted.Id, ApplicationStatus.Completed, TimeSpan.FromDays(5));

        Assert.Equal("1234-5678-000999", done.Outputs["licenceNumber"].GetString());
        Assert.Equal(fee, hub.Agencies.Billings.Single().Amount);
        var renewal = hub.Agencies.Calls.Single(c => c.Capability == "driving.licence.renew").Request;
        Assert.Equal("RIKKES-0001", renewal.GetProperty("healthCertificateNumber").GetString());
        Assert.Equal("1234-5678-000123", renewal.GetProperty("licenceNumber").GetString());
    }

    [Fact]
    public async Task SimRenewal_ExpiredLicence_FailsWithTheAgencyReasonAndNoBilling()
    {
        await using var hub = await OrchestrationHarness.StartAsync();
        hub.Agencies.LicenceExpired = true;

        var submitted = await hub.SubmitAsync(ServiceCodes.SimRenewal, Inputs.Sim());
        var failed = await hub.WaitForStatusAsync(submitted.Id, ApplicationStatus.Failed);

        Assert.Contains("cannot be renewed online", failed.StatusReason, StringComparison.Ordinal);
        Assert.Contains("expired", failed.StatusReason, StringComparison.Ordinal);
        Assert.Empty(hub.Agencies.Billings);
    }

    [Theory]
    [InlineData("ordinary", 350000)]
    [InlineData("electronic", 650000)]
    public async Task Paspor_PaidInTime_CompletesWithPassportNumber(string kind, long fee)
    {
        await using var hub = await OrchestrationHarness.StartAsync();

        var submitted = await hub.SubmitAsync(ServiceCodes.PasporNew, Inputs.Paspor(kind));
        var done = await hub.AdvanceUntilAsync(submitted.Id, ApplicationStatus.Completed, TimeSpan.FromDays(10));

        Assert.Equal("X1234567", done.Outputs["passportNumber"].GetString());
        var billing = hub.Agencies.Billings.Single();
        Assert.Equal(fee, billing.Amount);
        Assert.Equal(TimeSpan.FromHours(2), billing.ExpiresAt - billing.CreatedAt);
        Assert.Equal(0, hub.Agencies.CallsOf("passport.appointment.cancel"));
    }

    [Fact]
    public async Task Paspor_BillingLapsesAfterTwoHours_CancelsTheAppointment()
    {
        await using var hub = await OrchestrationHarness.StartAsync();
        hub.Agencies.AutoPay = false;

        var submitted = await hub.SubmitAsync(ServiceCodes.PasporNew, Inputs.Paspor());
        var waiting = await hub.WaitForAsync(submitted.Id, a => a.Steps.Single(s => s.Id == "wait-payment").Status == StepStatus.Waiting);
        Assert.Equal(ApplicationStatus.Waiting, waiting.Status);
        var failed = await hub.AdvanceUntilAsync(submitted.Id, ApplicationStatus.Failed, TimeSpan.FromHours(3));

        Assert.Contains("not paid within 2 hours", failed.StatusReason, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Compensated, failed.Steps.Single(s => s.Id == "book-appointment").Status);
        var appointment = hub.Agencies.Calls.Single(c => c.Capability == "passport.appointment.book");
        var cancel = hub.Agencies.Calls.Single(c => c.Capability == "passport.appointment.cancel").Request;
        Assert.StartsWith("JDW-", cancel.GetProperty("appointmentId").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, hub.Agencies.Effects["passport.appointment.cancel"]);
        Assert.NotNull(appointment.Key);
        Assert.Equal(0, hub.Agencies.CallsOf("passport.application.submit"));
    }

    [Fact]
    public async Task Paspor_SubmissionRefusedAfterPayment_CompensatesAndFailsWithReason()
    {
        await using var hub = await OrchestrationHarness.StartAsync();
        hub.Agencies.FailPermanently("passport.application.submit", "paspor.document-invalid", "The uploaded documents are not valid.");

        var submitted = await hub.SubmitAsync(ServiceCodes.PasporNew, Inputs.Paspor());
        var failed = await hub.WaitForStatusAsync(submitted.Id, ApplicationStatus.Failed);

        Assert.Equal("Imigrasi did not accept the passport application: The uploaded documents are not valid.", failed.StatusReason);
        Assert.Equal(StepStatus.Succeeded, failed.Steps.Single(s => s.Id == "wait-payment").Status);
        Assert.Equal(StepStatus.Failed, failed.Steps.Single(s => s.Id == "submit-application").Status);
        Assert.Equal(StepStatus.Compensated, failed.Steps.Single(s => s.Id == "book-appointment").Status);
        Assert.Equal(1, hub.Agencies.Effects["passport.appointment.cancel"]);
    }

    [Fact]
    public async Task KtpReplacement_Printed_CompletesReadyForPickUp()
    {
        await using var hub = await OrchestrationHarness.StartAsync();

        var submitted = await hub.SubmitAsync(ServiceCodes.KtpReplacement, Inputs.Ktp());
        var done = await hub.AdvanceUntilAsync(submitted.Id, ApplicationStatus.Completed, TimeSpan.FromDays(2));

        Assert.Equal("MPP Kota Bandung", done.Outputs["pickupLocation"].GetString());
        Assert.Empty(hub.Agencies.Billings);
    }

    [Theory]
    [InlineData(ServiceCodes.SkckNew)]
    [InlineData(ServiceCodes.SimRenewal)]
    [InlineData(ServiceCodes.PasporNew)]
    [InlineData(ServiceCodes.KtpReplacement)]
    public async Task AnyService_TransientFaultsAtEveryAgency_CompletesWithEachWriteOnce(string service)
    {
        await using var hub = await OrchestrationHarness.StartAsync();
        foreach (var capability in Contracts.Capabilities.CanonicalCapabilities.ByName.Keys)
        {
            hub.Agencies.FailTransiently(capability, 2);
        }

        var submitted = await hub.SubmitAsync(service, InputsFor(service));
        var done = await hub.AdvanceUntilAsync(submitted.Id, ApplicationStatus.Completed, TimeSpan.FromDays(12));

        Assert.Contains(done.Steps, s => s.Attempts >= 3);
        Assert.NotEmpty(hub.Agencies.Effects);
        Assert.All(hub.Agencies.Effects, e => Assert.Equal(1, e.Value));

        // The faulted writes were repeated with the same key, so the agency answered the first result again.
        Assert.All(hub.Agencies.Effects.Keys, capability => Assert.True(hub.Agencies.Duplicates.GetValueOrDefault(capability) >= 1));
        Assert.All(
            hub.Agencies.Calls.Where(c => c.Key is not null).GroupBy(c => c.Capability),
            g => Assert.Single(g.Select(c => c.Key).Distinct()));
    }

    private static Dictionary<string, object> InputsFor(string service) => service switch
    {
        ServiceCodes.SkckNew => Inputs.Skck(),
        ServiceCodes.SimRenewal => Inputs.Sim(),
        ServiceCodes.PasporNew => Inputs.Paspor(),
        _ => Inputs.Ktp(),
    };
}
