using System.Text.Json;
using MppIntegrationHub.Adapters.Declarative.Tests.Support;
using MppIntegrationHub.Adapters.Declarative.Versions;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Simulators.Declarative;

namespace MppIntegrationHub.Adapters.Declarative.Tests.Versions;

public sealed class DeclarativeAdapterCatalogTests : IAsyncLifetime, IDisposable
{
    private const string Owner = "bpjs-admin";
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"decl-catalog-{Guid.NewGuid():N}.db");
    private readonly GatedHandler _gate = new();
    private DeclarativeHost _host = null!;
    private DeclarativeAgencyTwin _twin = null!;

    public async Task InitializeAsync()
    {
        _host = await DeclarativeHost.StartAsync(_db, _gate);
        _twin = DeclarativeAgencyTwin.Start(BpjsManifests.Parse(BpjsManifests.Version2(new Uri("http://127.0.0.1:1/"))));
    }

    public async Task DisposeAsync()
    {
        _twin.Dispose();
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_db);
    }

    public void Dispose() => _gate.Dispose();

    [Fact]
    public async Task RegisterAsync_ValidManifest_RoutesTheNewCapability()
    {
        var result = await _host.Catalog.RegisterAsync(BpjsManifests.Version1(_twin.BaseUrl), Owner, CancellationToken.None);

        Assert.Equal(AdapterChangeFailure.None, result.Failure);
        Assert.Equal("1.0.0", result.Adapter!.ActiveVersion);
        var output = await Invoke();
        Assert.Equal("AKTIF", output.GetProperty("status").GetString());
        Assert.Contains(_host.Registry.GetStatuses(), s => s.Id == "bpjs-kesehatan" && s.Health == AdapterHealth.Healthy);
    }

    [Fact]
    public async Task RegisterAsync_UpgradeWhileCallInFlight_OldCallFinishesOnV1AndRollbackRestoresV1()
    {
        await _host.Catalog.RegisterAsync(BpjsManifests.Version1(_twin.BaseUrl), Owner, CancellationToken.None);
        _gate.HoldNext();
        var inFlight = Invoke();
        await _gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var upgrade = await _host.Catalog.RegisterAsync(BpjsManifests.Version2(_twin.BaseUrl), Owner, CancellationToken.None);
        _gate.Release();
        var old = await inFlight;
        var upgraded = await Invoke();
        var rollback = await _host.Catalog.RollbackAsync("bpjs-kesehatan", Owner, CancellationToken.None);
        var rolledBack = await Invoke();

        Assert.Equal("2.0.0", upgrade.Adapter!.ActiveVersion);
        Assert.False(old.TryGetProperty("classCode", out _));
        Assert.Equal("1", upgraded.GetProperty("classCode").GetString());
        Assert.Equal("1.0.0", rollback.Adapter!.ActiveVersion);
        Assert.Equal([1, 2], rollback.Adapter.Versions.Select(v => v.Sequence));
        Assert.False(rolledBack.TryGetProperty("classCode", out _));
    }

    [Fact]
    public async Task RegisterAsync_SameVersionTwiceOrOtherOwner_Refused()
    {
        await _host.Catalog.RegisterAsync(BpjsManifests.Version1(_twin.BaseUrl), Owner, CancellationToken.None);

        var again = await _host.Catalog.RegisterAsync(BpjsManifests.Version1(_twin.BaseUrl), Owner, CancellationToken.None);
        var stranger = await _host.Catalog.RegisterAsync(BpjsManifests.Version2(_twin.BaseUrl), "someone-else", CancellationToken.None);

        Assert.Equal(AdapterChangeFailure.VersionExists, again.Failure);
        Assert.Equal(AdapterChangeFailure.NotOwner, stranger.Failure);
    }

    [Fact]
    public async Task RegisterAsync_UnreachableSandbox_RefusedAndLiveAdapterUntouched()
    {
        await _host.Catalog.RegisterAsync(BpjsManifests.Version1(_twin.BaseUrl), Owner, CancellationToken.None);
        var broken = JsonSerializer.Deserialize<System.Text.Json.Nodes.JsonObject>(BpjsManifests.Version2(_twin.BaseUrl))!;
        broken["sandboxUrl"] = "http://127.0.0.1:9/";

        var result = await _host.Catalog.RegisterAsync(broken.ToJsonString(), Owner, CancellationToken.None);

        Assert.Equal(AdapterChangeFailure.ProbeFailed, result.Failure);
        Assert.Contains("sandboxUrl", result.Errors.Keys);
        Assert.False((await Invoke()).TryGetProperty("classCode", out _));
    }

    [Fact]
    public async Task RegisterAsync_MappingMissesTheContract_RefusedPerExample()
    {
        var node = BpjsManifests.Node();
        node["baseUrl"] = _twin.BaseUrl.AbsoluteUri;
        node["operations"]![0]!["response"] = "response.peserta.{nik: nik, status: statusPeserta.kode}";

        var result = await _host.Catalog.RegisterAsync(node.ToJsonString(), Owner, CancellationToken.None);

        Assert.Equal(AdapterChangeFailure.ProbeFailed, result.Failure);
        Assert.Contains("operations[0].examples[0].expectedOutput", result.Errors.Keys);
        Assert.Contains(result.Errors["operations[0].examples[0].response"], e => e.Contains("'active' is missing", StringComparison.Ordinal));
        Assert.False(_host.Registry.TryResolve(BpjsManifests.Capability, out _));
    }

    [Fact]
    public async Task SetEnabledAsync_DisabledThenEnabled_CapabilityUnavailableThenBack()
    {
        await _host.Catalog.RegisterAsync(BpjsManifests.Version1(_twin.BaseUrl), Owner, CancellationToken.None);

        await _host.Catalog.SetEnabledAsync("bpjs-kesehatan", false, Owner, CancellationToken.None);
        var off = await Assert.ThrowsAsync<AgencyException>(Invoke);
        var enabled = await _host.Catalog.SetEnabledAsync("bpjs-kesehatan", true, Owner, CancellationToken.None);

        Assert.Equal("capability-unavailable", off.Error.Code);
        Assert.True(enabled.Adapter!.Enabled);
        Assert.Equal("AKTIF", (await Invoke()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task LoadAsync_AfterRestart_ActiveVersionAndSwitchRestored()
    {
        await _host.Catalog.RegisterAsync(BpjsManifests.Version1(_twin.BaseUrl), Owner, CancellationToken.None);
        await _host.Catalog.RegisterAsync(BpjsManifests.Version2(_twin.BaseUrl), Owner, CancellationToken.None);

        await using var restarted = await DeclarativeHost.StartAsync(_db);
        var output = await restarted.Invoker.InvokeAsync(BpjsManifests.Capability, BpjsManifests.Input(BpjsManifests.ActiveNik), new CallContext());
        var list = await restarted.Catalog.ListAsync(Owner, CancellationToken.None);

        Assert.Equal("1", output.GetProperty("classCode").GetString());
        Assert.Equal("2.0.0", Assert.Single(list).ActiveVersion);
    }

    private Task<JsonElement> Invoke() =>
        _host.Invoker.InvokeAsync(BpjsManifests.Capability, BpjsManifests.Input(BpjsManifests.ActiveNik), new CallContext());
}
