using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.RestAgencies;

[Collection(SimulatorsCollection.Name)]
public sealed class PasporAdapterTests(SimulatorsFixture fixture)
{
    private readonly AgencySimulators _sims = fixture.Reset();

    private DateOnly NextWeek => DateOnly.FromDateTime(DateTime.SpecifyKind(_sims.Options.Clock.GetUtcNow().UtcDateTime.AddHours(7), DateTimeKind.Unspecified)).AddDays(7);

    [Fact]
    public async Task Application_BookedAndPaid_IsSubmittedAndAwaitsTheInterview()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));
        var citizen = _sims.Population[Personas.HappyPath];

        var appointment = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.PassportAppointmentBook,
            new PassportAppointmentRequest { Nik = citizen.Nik, OfficeCode = "KANIM-BDG", PreferredDate = NextWeek },
            new CallContext(IdempotencyKey: "paspor-book-1"));
        var ntpn = await Payments.PayAsync(host, _sims, citizen, 350_000);
        var submitted = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.PassportApplicationSubmit,
            new PassportApplicationRequest { Nik = citizen.Nik, AppointmentId = appointment.AppointmentId, Kind = PassportKind.Ordinary, PaymentProof = ntpn },
            new CallContext(IdempotencyKey: "paspor-apply-1"));
        var status = await host.Invoker.InvokeAsync(CanonicalCapabilities.PassportApplicationStatus, new AgencyCaseQuery(submitted.Reference), new CallContext());

        Assert.Equal(("KANIM-BDG", NextWeek), (appointment.OfficeCode, appointment.Date));
        Assert.Matches("^\\d{2}:\\d{2}-\\d{2}:\\d{2}$", appointment.Slot);
        Assert.Equal(AgencyCaseStatus.AwaitingAppointment, status.Status);
        Assert.True(status.Outputs.ContainsKey("interviewAt"));
    }

    [Fact]
    public async Task AppointmentCancel_BookedSlot_IsCancelled()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));
        var citizen = _sims.Population[Personas.PassportHolder];
        var appointment = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.PassportAppointmentBook,
            new PassportAppointmentRequest { Nik = citizen.Nik, OfficeCode = "KANIM-SBY", PreferredDate = NextWeek },
            new CallContext(IdempotencyKey: "paspor-book-2"));

        var cancelled = await host.Invoker.InvokeAsync(
            CanonicalCapabilities.PassportAppointmentCancel,
            new PassportAppointmentCancellation(appointment.AppointmentId, "Billing lapsed."),
            new CallContext(IdempotencyKey: "paspor-cancel-2"));

        Assert.Equal((appointment.AppointmentId, AgencyCaseStatus.Cancelled), (cancelled.Reference, cancelled.Status));
    }

    [Fact]
    public async Task ApplicationSubmit_UnknownAppointment_IsInvalidRequest()
    {
        await using var host = AdapterHost.Create(AdapterHost.RestAgencies(_sims));

        var error = (await Assert.ThrowsAsync<AgencyException>(() => host.Invoker.InvokeAsync(
            CanonicalCapabilities.PassportApplicationSubmit,
            new PassportApplicationRequest
            {
                Nik = _sims.Population[Personas.HappyPath].Nik, AppointmentId = "JDW-00000000", Kind = PassportKind.Electronic, PaymentProof = "ABCDEFGHIJKLMNOP",
            },
            new CallContext(IdempotencyKey: "paspor-bad")))).Error;

        Assert.Equal((AgencyErrorKind.InvalidRequest, "paspor.jadwal-tidak-valid"), (error.Kind, error.Code));
    }
}
