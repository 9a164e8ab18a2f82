using System.Text.Json;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Adapters.Tests.Dukcapil;
using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Contracts.Verification;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.People;
using Polly.CircuitBreaker;

namespace MppIntegrationHub.Adapters.Tests.Registry;

[Collection(SimulatorsCollection.Name)]
public sealed class AdapterRegistryTests(SimulatorsFixture fixture)
{
    private readonly AgencySimulators _sims = fixture.Reset();

    [Fact]
    public async Task SetEnabled_AdapterOff_CapabilityIsUnavailableUntilSwitchedBackOn()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var request = DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]);

        Assert.True(host.Registry.SetEnabled("dukcapil", false));
        var error = (await Assert.ThrowsAsync<AgencyException>(() =>
            host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext()))).Error;
        var disabled = host.Registry.GetStatuses().Single();
        host.Registry.SetEnabled("dukcapil", true);
        var result = await host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext());

        Assert.Equal((AgencyErrorKind.Transient, "capability-unavailable"), (error.Kind, error.Code));
        Assert.Equal(0, _sims.Dukcapil.Requests.Total - 1);
        Assert.Equal((false, AdapterHealth.Disabled), (disabled.Enabled, disabled.Health));
        Assert.Equal(VerificationDecision.Verified, result.Decision);
    }

    [Fact]
    public async Task GetStatuses_Dukcapil_ReportsManifestHealthAndBreaker()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));

        var status = Assert.Single(host.Registry.GetStatuses());

        Assert.Equal(("dukcapil", "dukcapil", "1.0.0", AdapterHealth.Healthy, CircuitState.Closed, true),
            (status.Id, status.Agency, status.Version, status.Health, status.Breaker, status.RetriesEnabled));
        Assert.Contains("identity.verify", status.Capabilities);
        Assert.Contains("population.document.request", status.Capabilities);
    }

    [Fact]
    public async Task Register_RuntimeAdapterForACapability_TakesOverAndIsRemovable()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var faceOnly = new CannedFaceAdapter();

        host.Registry.Register(faceOnly);
        var routed = host.Registry.TryResolve("biometric.face.match", out var adapter) ? adapter : null;
        var removed = host.Registry.Remove("face-canned");
        var back = host.Registry.TryResolve("biometric.face.match", out var original) ? original : null;

        Assert.Same(faceOnly, routed);
        Assert.True(removed);
        Assert.Equal("dukcapil", back!.Manifest.Id);
    }

    [Fact]
    public async Task InvokeAsync_JsonForm_RoundTripsThroughTheCompiledAdapter()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var request = JsonSerializer.SerializeToElement(
            DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]), HubJson.Options);

        var result = await host.Invoker.InvokeAsync("identity.verify", request, new CallContext());

        Assert.Equal("verified", result.GetProperty("decision").GetString());
        Assert.True(result.GetProperty("fields").GetProperty("fullName").GetProperty("matches").GetBoolean());
    }

    [Fact]
    public async Task InvokeAsync_JsonFormWithInvalidInput_IsInvalidRequest()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        using var document = JsonDocument.Parse("""{"nik":"123"}""");

        var error = (await Assert.ThrowsAsync<AgencyException>(() =>
            host.Invoker.InvokeAsync("identity.verify", document.RootElement, new CallContext()))).Error;

        Assert.Equal((AgencyErrorKind.InvalidRequest, "request.invalid"), (error.Kind, error.Code));
        Assert.Equal(0, _sims.Dukcapil.Requests.Total);
    }

    /// <summary>Stands in for a declarative adapter registered at run time.</summary>
    private sealed class CannedFaceAdapter : IAgencyAdapter
    {
        public AdapterManifest Manifest { get; } = CreateManifest();

        public Task<TResult> InvokeAsync<TRequest, TResult>(
            Capability<TRequest, TResult> capability, TRequest request, CallContext context, CancellationToken cancellationToken) =>
            Task.FromResult((TResult)(object)new FaceMatchResult(true, 9m));

        public Task<JsonElement> InvokeAsync(string capability, JsonElement request, CallContext context, CancellationToken cancellationToken) =>
            Task.FromResult(JsonSerializer.SerializeToElement(new FaceMatchResult(true, 9m), HubJson.Options));

        private static AdapterManifest CreateManifest()
        {
            var manifest = new AdapterManifest { Id = "face-canned", Agency = "face-vendor", BaseUrl = new Uri("http://127.0.0.1/") };
            manifest.Capabilities.Add("biometric.face.match");
            return manifest;
        }
    }
}
