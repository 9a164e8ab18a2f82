using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.RestAgencies;

[Collection(SimulatorsCollection.Name)]
public sealed class SimAdapterTests(SimulatorsFixture fixture)
{
    private readonly AgencySimulators _sims = fixture.Reset();

    [Fact]
    public async Task Renewal_LicenceDueWithPassedTests_IsEligibleAndAccepted()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));
        var citizen = _sims.Population[Personas.LicenceDueForRenewal];
        var query = new CitizenQuery(citizen.Nik);

        var eligibility = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.DrivingLicenceEligibility, new DrivingLicenceQuery(citizen.Nik, LicenceClass.A), new CallContext());
        var health = await host.Invoker.InvokeAsync(CanonicalCapabilities.DrivingHealthResult, query, new CallContext());
        var psychology = await host.Invoker.InvokeAsync(CanonicalCapabilities.DrivingPsychologyResult, query, new CallContext());
        var ntpn = await Payments.PayAsync(host, _sims, citizen, 80_000);
        var renewal = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.DrivingLicenceRenew,
            new LicenceRenewalRequest
            {
                Nik = citizen.Nik,
                LicenceNumber = eligibility.Licence!.Number,
                Class = LicenceClass.A,
                HealthCertificateNumber = health.CertificateNumber,
                PsychologyCertificateNumber = psychology.CertificateNumber,
                PaymentProof = ntpn,
                Delivery = LicenceDelivery.Courier,
            },
            new CallContext(IdempotencyKey: "sim-renew-1"));
        var status = await host.Invoker.InvokeAsync(CanonicalCapabilities.DrivingLicenceStatus, new AgencyCaseQuery(renewal.Reference), new CallContext());

        Assert.True(eligibility.Eligible);
        Assert.Null(eligibility.Reason);
        Assert.Equal(citizen.Licences.Single(l => l.Class == LicenceClass.A).ExpiresOn, eligibility.Licence.ExpiresOn);
        Assert.True(health.Passed);
        Assert.True(psychology.Passed);
        Assert.True(health.ValidUntil > health.IssuedOn);
        Assert.Equal(AgencyCaseStatus.Received, renewal.Status);
        Assert.Equal(renewal.Reference, status.Reference);
    }

    [Fact]
    public async Task Eligibility_ExpiredLicence_IsNotEligibleWithTheReasonInHubWords()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));
        var citizen = _sims.Population[Personas.ExpiredLicence];

        var eligibility = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.DrivingLicenceEligibility, new DrivingLicenceQuery(citizen.Nik), new CallContext());

        Assert.False(eligibility.Eligible);
        Assert.Equal("The licence has expired: a new application is needed.", eligibility.Reason);
    }

    [Fact]
    public async Task HealthResult_FailedERikkes_IsNotPassed()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));

        var result = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.DrivingHealthResult, new CitizenQuery(_sims.Population[Personas.FailedERikkes].Nik), new CallContext());

        Assert.False(result.Passed);
    }

    [Fact]
    public async Task Eligibility_CitizenWithoutLicence_IsNotFound()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));

        var error = (await Assert.ThrowsAsync<AgencyException>(() => host.Invoker.InvokeAsync(
            CanonicalCapabilities.DrivingLicenceEligibility, new DrivingLicenceQuery(_sims.Population[Personas.NoLicence].Nik), new CallContext()))).Error;

        Assert.Equal((AgencyErrorKind.NotFound, "sim.licence-not-found"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task Renew_ExpiredLicence_IsPermanentRefusal()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));
        var citizen = _sims.Population[Personas.ExpiredLicence];
        var licence = citizen.Licences[0];

        var error = (await Assert.ThrowsAsync<AgencyException>(() => host.Invoker.InvokeAsync(
            CanonicalCapabilities.DrivingLicenceRenew,
            new LicenceRenewalRequest
            {
                Nik = citizen.Nik,
                LicenceNumber = licence.Number,
                Class = licence.Class,
                HealthCertificateNumber = "X",
                PsychologyCertificateNumber = "Y",
                PaymentProof = "ABCDEFGHIJKLMNOP",
            },
            new CallContext(IdempotencyKey: "sim-expired")))).Error;

        Assert.Equal((AgencyErrorKind.Permanent, "sim.sim-kedaluwarsa"), (error.Kind, error.Code));
        Assert.Equal(1, _sims.Sim.Requests.Count("POST", "/sim/api/v1/perpanjangan"));
    }
}
