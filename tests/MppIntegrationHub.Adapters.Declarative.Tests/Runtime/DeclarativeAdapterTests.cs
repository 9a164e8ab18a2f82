using System.Text.Json;
using MppIntegrationHub.Adapters.Declarative.Runtime;
using MppIntegrationHub.Adapters.Declarative.Tests.Support;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Simulators.Declarative;

namespace MppIntegrationHub.Adapters.Declarative.Tests.Runtime;

public sealed class DeclarativeAdapterTests : IAsyncLifetime
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"decl-runtime-{Guid.NewGuid():N}.db");
    private DeclarativeHost _host = null!;
    private DeclarativeAgencyTwin _twin = null!;

    public async Task InitializeAsync()
    {
        _host = await DeclarativeHost.StartAsync(_db);
        _twin = DeclarativeAgencyTwin.Start(BpjsManifests.Parse(BpjsManifests.Version1(new Uri("http://127.0.0.1:1/"))));
    }

    public async Task DisposeAsync()
    {
        _twin.Dispose();
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_db);
    }

    [Fact]
    public async Task InvokeAsync_ActiveMemberOnTwin_ReturnsMappedCanonicalOutput()
    {
        using var adapter = Live(_twin.BaseUrl);

        var output = await adapter.InvokeAsync(BpjsManifests.Capability, BpjsManifests.Input(BpjsManifests.ActiveNik), new CallContext(), CancellationToken.None);

        Assert.Equal("AKTIF", output.GetProperty("status").GetString());
        Assert.True(output.GetProperty("active").GetBoolean());
        Assert.Equal("KELAS I", output.GetProperty("class").GetString());
        Assert.Equal("PUSKESMAS MENTENG", output.GetProperty("facilityName").GetString());
    }

    [Fact]
    public async Task InvokeAsync_InBandNotFoundCode_ThrowsNotFound()
    {
        using var adapter = Live(_twin.BaseUrl);

        var error = await Assert.ThrowsAsync<AgencyException>(() =>
            adapter.InvokeAsync(BpjsManifests.Capability, BpjsManifests.Input(BpjsManifests.UnknownNik), new CallContext(), CancellationToken.None));

        Assert.Equal(AgencyErrorKind.NotFound, error.Error.Kind);
        Assert.Equal("agency.201", error.Error.Code);
        Assert.Equal("bpjs-kesehatan", error.Error.Agency);
    }

    [Fact]
    public async Task InvokeAsync_UnknownRouteOnTwin_NormalisedWithoutEchoingTheAgency()
    {
        using var adapter = Live(_twin.BaseUrl);

        var error = await Assert.ThrowsAsync<AgencyException>(() =>
            adapter.InvokeAsync(BpjsManifests.Capability, BpjsManifests.Input("3171010101010101"), new CallContext(), CancellationToken.None));

        Assert.Equal(AgencyErrorKind.NotFound, error.Error.Kind);
        Assert.Equal("http.404", error.Error.Code);
    }

    [Fact]
    public async Task InvokeAsync_AgencyDown_RetriedThenTransient()
    {
        using var adapter = Live(new Uri("http://127.0.0.1:9/"));

        var error = await Assert.ThrowsAsync<AgencyException>(() =>
            adapter.InvokeAsync(BpjsManifests.Capability, BpjsManifests.Input(BpjsManifests.ActiveNik), new CallContext(), CancellationToken.None));

        Assert.Equal(AgencyErrorKind.Transient, error.Error.Kind);
        Assert.Equal("connection", error.Error.Code);
    }

    [Fact]
    public async Task InvokeAsync_UnprovidedCapability_InvalidRequest()
    {
        using var adapter = Live(_twin.BaseUrl);

        var error = await Assert.ThrowsAsync<AgencyException>(() =>
            adapter.InvokeAsync("population.profile", JsonSerializer.SerializeToElement(new { }), new CallContext(), CancellationToken.None));

        Assert.Equal("capability.unsupported", error.Error.Code);
    }

    [Fact]
    public void Pipeline_BuiltFromManifest_HasTheSdkStrategiesInOrder()
    {
        var manifest = BpjsManifests.Parse(BpjsManifests.Version1(_twin.BaseUrl));
        using var pipeline = MppIntegrationHub.Adapters.Resilience.AgencyPipeline.Build(
            manifest.ToAdapterManifest(), new MppIntegrationHub.Adapters.Resilience.AgencyControl("bpjs-kesehatan"),
            _host.Get<MppIntegrationHub.Adapters.Resilience.AgencyResilienceEvents>(), TimeProvider.System);

        var descriptor = Polly.Testing.ResiliencePipelineExtensions.GetPipelineDescriptor(pipeline.Pipeline);

        Assert.Equal(
            ["total-timeout", "retry", "circuit-breaker", "quota", "attempt-timeout"],
            descriptor.Strategies.Select(s => s.Options!.Name));
    }

    private DeclarativeAdapter Live(Uri baseUrl)
    {
        var json = BpjsManifests.Version1(baseUrl);
        return _host.Get<DeclarativeAdapterFactory>().CreateLive(BpjsManifests.Parse(json));
    }
}
