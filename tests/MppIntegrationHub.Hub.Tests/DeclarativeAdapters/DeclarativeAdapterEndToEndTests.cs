using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Tests.Support;
using MppIntegrationHub.Orchestration.Definitions;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Simulators.Declarative;

namespace MppIntegrationHub.Hub.Tests.DeclarativeAdapters;

/// <summary>
/// BPJS Kesehatan joins a running hub: its manifest is registered through the API against its simulator twin, its new
/// capability is read through the API and used by a workflow published at run time, then upgraded and rolled back.
/// </summary>
public sealed class DeclarativeAdapterEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string Capability = "bpjs.membership.check";
    private readonly HubFactory _hub = new();
    private WebApplicationFactory<Program> _host = null!;
    private DeclarativeAgencyTwin _twin = null!;

    public Task InitializeAsync()
    {
        _host = _hub.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("DeclarativeAdapters:AllowedHosts:0", "127.0.0.1");
            // The real registry, not HubFactory's fake agencies: the capability must resolve to the registered adapter.
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<ICapabilityInvoker>();
                services.AddSingleton<ICapabilityInvoker>(sp => sp.GetRequiredService<AdapterRegistry>());
            });
        });
        _twin = DeclarativeAgencyTwin.Start(JsonSerializer.Deserialize<Adapters.Declarative.Manifests.DeclarativeAdapterManifest>(Manifest("2.0.0"), _hub.Json)!);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _twin.Dispose();
        await _host.DisposeAsync();
    }

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task NewAgency_RegisteredAtRunTime_ServesApiAndWorkflowThenUpgradesAndRollsBack()
    {
        using var portal = await ClientAsync(HubFactory.PortalA);
        var consent = await portal.RecordConsentAsync(_hub, TestCitizens.Budi, DataPurpose.HealthCare);

        using var v1 = await portal.PostJsonAsync("/api/v1/adapters", Manifest("1.0.0"));
        Assert.Equal(HttpStatusCode.Created, v1.StatusCode);
        var read1 = await ReadMembershipAsync(portal);
        var application = await RunWorkflowAsync(consent);

        using var v2 = await portal.PostJsonAsync("/api/v1/adapters", Manifest("2.0.0"));
        var read2 = await ReadMembershipAsync(portal);
        using var rollback = await portal.PostAsync(new Uri("/api/v1/adapters/bpjs-kesehatan/rollback", UriKind.Relative), null);
        var read3 = await ReadMembershipAsync(portal);
        var view = await rollback.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("KELAS I", read1.GetProperty("class").GetString());
        Assert.False(read1.TryGetProperty("classCode", out _));
        Assert.Equal(ApplicationStatus.Completed, application.Status);
        Assert.Equal(HttpStatusCode.Created, v2.StatusCode);
        Assert.Equal("1", read2.GetProperty("classCode").GetString());
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        Assert.Equal("1.0.0", view.GetProperty("activeVersion").GetString());
        Assert.False(read3.TryGetProperty("classCode", out _));
    }

    [Fact]
    public async Task Overview_AfterAnAgencyRegisters_ReadsItBesideTheBuiltInAgenciesUntilDisabled()
    {
        using var portal = await ClientAsync(HubFactory.PortalA);
        await portal.RecordConsentAsync(_hub, TestCitizens.Budi, DataPurpose.HealthCare);
        var before = await OverviewAsync(portal);

        using var registered = await portal.PostJsonAsync("/api/v1/adapters", Manifest("1.0.0"));
        var joined = await OverviewAsync(portal);
        using var disabled = await portal.PostAsync(new Uri("/api/v1/adapters/bpjs-kesehatan/disable", UriKind.Relative), null);
        var left = await OverviewAsync(portal);

        Assert.DoesNotContain(Capability, Capabilities(before));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var membership = Assert.Single(joined.GetProperty("sections").EnumerateArray(), s => s.GetProperty("capability").GetString() == Capability);
        Assert.Equal("ok", membership.GetProperty("status").GetString());
        Assert.Equal("KELAS I", membership.GetProperty("data").GetProperty("class").GetString());
        // This host runs no compiled agency adapters: their sections fail on their own, the new agency's still answers.
        var profile = Assert.Single(joined.GetProperty("sections").EnumerateArray(), s => s.GetProperty("capability").GetString() == "population.profile");
        Assert.Equal("capability-unavailable", profile.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.DoesNotContain(Capability, Capabilities(left));
    }

    [Fact]
    public async Task Register_InvalidManifest_400ListsEveryProblemByField()
    {
        using var portal = await ClientAsync(HubFactory.PortalA);
        var node = JsonNode.Parse(Manifest("1.0.0"))!;
        node["baseUrl"] = "http://169.254.169.254/latest/";
        node["operations"]![0]!["response"] = "response.{";
        node["quota"]!["permitLimit"] = 0;

        using var response = await portal.PostJsonAsync("/api/v1/adapters", node.ToJsonString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, HubProblems.Types.Validation);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("baseUrl", fields);
        Assert.Contains("operations[0].response", fields);
        Assert.Contains("quota.permitLimit", fields);
    }

    [Fact]
    public async Task Register_MappingThatMissesTheOutput_422PerExample()
    {
        using var portal = await ClientAsync(HubFactory.PortalA);
        var node = JsonNode.Parse(Manifest("1.0.0"))!;
        node["operations"]![0]!["response"] = "response.peserta.{nik: nik, status: statusPeserta.keterangan, active: `true`, class: hakKelas.kode}";

        using var response = await portal.PostJsonAsync("/api/v1/adapters", node.ToJsonString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, HubProblems.Types.AdapterProbeFailed);
        Assert.True(problem.GetProperty("errors").TryGetProperty("operations[0].examples[0].expectedOutput", out _));
    }

    [Fact]
    public async Task Register_WithoutAdminScope_403()
    {
        using var verifier = await ClientAsync(HubFactory.VerifyOnly);

        using var response = await verifier.PostJsonAsync("/api/v1/adapters", Manifest("1.0.0"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<JsonElement> OverviewAsync(HttpClient portal)
    {
        using var response = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Budi}/overview?purpose=health-care");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<string?> Capabilities(JsonElement overview) =>
        [.. overview.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("capability").GetString())];

    private static async Task<JsonElement> ReadMembershipAsync(HttpClient portal)
    {
        using var response = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Budi}/capabilities/{Capability}?purpose=health-care");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<ServiceApplication> RunWorkflowAsync(Guid consent)
    {
        var definition = WorkflowDefinitionLoader.Parse(WorkflowJson, "bpjs-membership.v1", new HashSet<string> { Capability });
        _host.Services.GetRequiredService<WorkflowDefinitionRegistry>().Publish(definition);
        var engine = _host.Services.GetRequiredService<WorkflowEngine>();
        var submitted = await engine.SubmitAsync(
            new SubmitApplicationRequest { ServiceCode = "BPJS_MEMBERSHIP", Nik = TestCitizens.Parse(TestCitizens.Budi), ConsentId = consent },
            HubFactory.PortalA);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var current = await engine.GetAsync(submitted.Id, timeout.Token);
            if (current!.Status is ApplicationStatus.Completed or ApplicationStatus.Failed)
            {
                return current;
            }

            _hub.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50, timeout.Token);
        }
    }

    private async Task<HttpClient> ClientAsync(string clientId)
    {
        using var anonymous = _host.CreateClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = HubFactory.Secret };
        using var token = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));
        token.EnsureSuccessStatusCode();
        var http = _host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        return http;
    }

    private string Manifest(string version)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "bpjs-kesehatan-membership.adapter.json")))!;
        node["baseUrl"] = _twin?.BaseUrl.AbsoluteUri ?? "http://127.0.0.1:1/";
        node["version"] = version;
        if (version == "2.0.0")
        {
            var operation = node["operations"]![0]!;
            operation["response"] = "response.peserta.{nik: nik, status: statusPeserta.keterangan, active: statusPeserta.kode == '0', class: hakKelas.keterangan, classCode: hakKelas.kode, facilityCode: provUmum.kdProvider, facilityName: provUmum.nmProvider}";
            operation["output"]!["fields"]!["classCode"] = "string";
            operation["examples"]![0]!["expectedOutput"]!["classCode"] = "1";
        }

        return node.ToJsonString();
    }

    private const string WorkflowJson = """
        {
          "service": "BPJS_MEMBERSHIP",
          "version": 1,
          "name": "Cek Kepesertaan BPJS Kesehatan",
          "description": "Confirms the citizen's BPJS Kesehatan membership and care class.",
          "agencies": ["bpjs-kesehatan"],
          "feeRupiah": 0,
          "prerequisites": [],
          "purpose": "health-care",
          "expectedDuration": "PT1M",
          "inputs": [],
          "steps": [
            {
              "id": "check-membership",
              "capability": "bpjs.membership.check",
              "input": { "nik": "$application.nik" },
              "succeedWhen": { "field": "status", "in": ["AKTIF"] },
              "failureReason": "The citizen has no active BPJS Kesehatan membership",
              "expectedDuration": "PT1M"
            }
          ],
          "outputs": { "careClass": "$steps.check-membership.class" }
        }
        """;
}
