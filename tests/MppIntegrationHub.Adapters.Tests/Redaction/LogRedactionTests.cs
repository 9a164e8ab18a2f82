using MppIntegrationHub.Adapters.Tests.Dukcapil;
using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Verification;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.Redaction;

[Collection(SimulatorsCollection.Name)]
public sealed class LogRedactionTests(SimulatorsFixture fixture)
{
    private readonly AgencySimulators _sims = fixture.Reset();

    [Fact]
    public async Task IdentityVerify_FullVerificationWithFace_LogsNoNikNameOrSecret()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var citizen = _sims.Population[Personas.HappyPath];
        var request = DukcapilAdapterTests.FullRequest(citizen) with
        {
            FaceImage = Convert.ToBase64String(SyntheticPopulation.ReferenceFace(citizen)),
        };

        var result = await host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext());

        var records = host.Logs.GetSnapshot();
        var lines = records.Select(r => string.Join(" | ", [r.Message, r.Exception?.ToString(), .. r.StructuredState?.Select(s => $"{s.Key}={s.Value}") ?? []])).ToList();
        Assert.Equal(VerificationDecision.Verified, result.Decision);
        Assert.Contains(records, r => r.Id.Id == 4101);
        Assert.Contains(records, r => r.Id.Id == 4102);
        var secrets = new[] { citizen.Nik.Value, citizen.FullName, citizen.MotherName, _sims.Credentials.DukcapilPassword, citizen.Kk.Value };
        Assert.All(lines, line => Assert.DoesNotContain(secrets, s => line.Contains(s, StringComparison.OrdinalIgnoreCase)));
    }
}
