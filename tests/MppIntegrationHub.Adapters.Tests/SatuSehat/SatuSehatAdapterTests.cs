using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.SatuSehat;

[Collection(SimulatorsCollection.Name)]
public sealed class SatuSehatAdapterTests(SimulatorsFixture fixture)
{
    private const string PatientPath = "/fhir-r4/v1/Patient";

    private readonly AgencySimulators _sims = fixture.Reset();

    [Fact]
    public async Task HealthSummary_HappyPath_MapsEveryFhirResourceKind()
    {
        await using var host = AdapterHost.Create(AdapterHost.SatuSehat(_sims));
        var citizen = _sims.Population[Personas.HappyPath];
        var record = citizen.Health!;

        var summary = await host.Invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, new CitizenQuery(citizen.Nik), new CallContext());

        Assert.Equal((citizen.Nik, citizen.HealthPatientId), (summary.Nik, summary.PatientId));
        Assert.Equal(record.Conditions.Select(c => (c.Icd10Code, c.Active ? "active" : "resolved", (DateOnly?)c.RecordedOn)),
            summary.Conditions.Select(c => (c.Icd10Code, c.ClinicalStatus, c.RecordedOn)));
        Assert.Equal(record.Immunizations.Select(i => (i.CvxCode, i.GivenOn)), summary.Immunizations.Select(i => (i.VaccineCode, i.OccurredOn)));
        Assert.Equal(record.Allergies.Select(a => a.SnomedCode), summary.Allergies.Select(a => a.Code));
        Assert.Equal(record.Observations.Select(o => (o.LoincCode, (decimal?)o.Value, (string?)o.Unit)), summary.Observations.Select(o => (o.LoincCode, o.Value, o.Unit)));
        Assert.Equal(record.Encounters.Select(e => (e.Id, e.Start)), summary.Encounters.Select(e => (e.Id, e.Start)));
        Assert.All(summary.Encounters, e => Assert.Equal(("AMB", "finished"), (e.Class, e.Status)));
    }

    [Fact]
    public async Task HealthSummary_CitizenSatuSehatDoesNotKnow_IsNotFound()
    {
        await using var host = AdapterHost.Create(AdapterHost.SatuSehat(_sims));

        var error = await FailsAsync(host, Personas.NoHealthRecord);

        Assert.Equal((AgencyErrorKind.NotFound, "satusehat.patient-not-found"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task HealthSummary_PlainTextGatewayTimeout_IsTransientAndRetried()
    {
        await using var host = AdapterHost.Create(AdapterHost.SatuSehat(_sims));

        var error = await FailsAsync(host, Personas.HealthGatewayTimeout);

        Assert.Equal((AgencyErrorKind.Transient, "http.504"), (error.Kind, error.Code));
        Assert.Equal(3, _sims.SatuSehat.Requests.Count("GET", PatientPath));
    }

    [Fact]
    public async Task HealthSummary_OperationOutcomeWithNonStandardSeverity_IsReadForItsIssueCode()
    {
        await using var host = AdapterHost.Create(AdapterHost.SatuSehat(_sims));
        var query = new CitizenQuery(_sims.Population[Personas.HappyPath].Nik);
        await host.Invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, query, new CallContext());
        _sims.SatuSehat.Faults.FailNext(1, 422);

        var error = (await Assert.ThrowsAsync<AgencyException>(() =>
            host.Invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, query, new CallContext()))).Error;

        Assert.Equal((AgencyErrorKind.InvalidRequest, "satusehat.processing"), (error.Kind, error.Code));
        Assert.DoesNotContain("Permintaan", error.Message, StringComparison.Ordinal);
    }

    private async Task<AgencyError> FailsAsync(AdapterHost host, Persona persona) =>
        (await Assert.ThrowsAsync<AgencyException>(() => host.Invoker.InvokeAsync(
            CanonicalCapabilities.HealthSummary,
            new CitizenQuery(_sims.Population[persona].Nik),
            new CallContext()))).Error;
}
