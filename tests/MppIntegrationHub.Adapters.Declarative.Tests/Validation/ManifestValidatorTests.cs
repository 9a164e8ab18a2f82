using System.Net;
using System.Text.Json.Nodes;
using MppIntegrationHub.Adapters.Declarative.Tests.Support;
using MppIntegrationHub.Adapters.Declarative.Validation;

namespace MppIntegrationHub.Adapters.Declarative.Tests.Validation;

public sealed class ManifestValidatorTests : IAsyncLifetime
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"decl-validate-{Guid.NewGuid():N}.db");
    private DeclarativeHost _host = null!;

    private ManifestValidator Validator => _host.Get<ManifestValidator>();

    public async Task InitializeAsync() => _host = await DeclarativeHost.StartAsync(_db);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_db);
    }

    [Fact]
    public async Task ValidateAsync_PublishedExample_IsValid()
    {
        var result = await Validator.ValidateAsync(BpjsManifests.Version1(new Uri("http://127.0.0.1:5000/vclaim/")), CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Equal("bpjs.membership.check", result.Manifest!.Operations[0].Capability);
    }

    [Fact]
    public async Task ValidateAsync_SchemaErrors_ListsEveryOne()
    {
        var node = BpjsManifests.Node();
        node.Remove("id");
        node["quota"]!["permitLimit"] = "many";
        node["operations"]![0]!["method"] = 7;
        node["unexpected"] = true;

        var result = await Validator.ValidateAsync(node.ToJsonString(), CancellationToken.None);

        Assert.Null(result.Manifest);
        Assert.True(result.Errors.Count >= 4, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
        Assert.Contains(result.Errors, e => e.Key.Contains("quota", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Key.Contains("method", StringComparison.Ordinal) || e.Key.Contains("operations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateAsync_BrokenMappingsAndRules_ListsEachByField()
    {
        var node = BpjsManifests.Node();
        node["baseUrl"] = "http://127.0.0.1:5000/";
        node["quota"]!["permitLimit"] = 0;
        var operation = node["operations"]![0]!;
        operation["response"] = "response.peserta.{nik: ";
        operation["path"] = "peserta/{nik}/{date}";
        operation["errors"]!["codePath"] = new string('a', 2000);
        operation.AsObject().Remove("output");

        var result = await Validator.ValidateAsync(node.ToJsonString(), CancellationToken.None);

        Assert.Null(result.Manifest);
        Assert.Contains("quota.permitLimit", result.Errors.Keys);
        Assert.Contains("operations[0].response", result.Errors.Keys);
        Assert.Contains("operations[0].pathParameters", result.Errors.Keys);
        Assert.Contains("operations[0].errors.codePath", result.Errors.Keys);
        Assert.Contains("operations[0].output", result.Errors.Keys);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.1.2.3/")]
    [InlineData("http://api.bpjs-kesehatan.go.id/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task ValidateAsync_DisallowedBaseUrl_RefusedOnBaseUrl(string baseUrl)
    {
        var node = BpjsManifests.Node();
        node["baseUrl"] = baseUrl;

        var result = await Validator.ValidateAsync(node.ToJsonString(), CancellationToken.None);

        Assert.Contains("baseUrl", result.Errors.Keys);
    }

    [Fact]
    public async Task ValidateAsync_AllowedNameResolvingToLoopback_RefusedAsInternal()
    {
        await using var host = await DeclarativeHost.StartAsync(_db + "-2", settings: new Dictionary<string, string?> { ["DeclarativeAdapters:AllowedHosts:1"] = "localhost" });
        var node = BpjsManifests.Node();
        node["baseUrl"] = "http://localhost:5000/";

        var result = await host.Get<ManifestValidator>().ValidateAsync(node.ToJsonString(), CancellationToken.None);

        Assert.Contains(result.Errors["baseUrl"], e => e.Contains("internal address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateAsync_OversizedManifest_RefusedUnread()
    {
        var node = BpjsManifests.Node();
        node["description"] = new string('x', 300 * 1024);

        var result = await Validator.ValidateAsync(node.ToJsonString(), CancellationToken.None);

        Assert.Equal(["$"], result.Errors.Keys);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.8", false)]
    [InlineData("172.20.1.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("203.0.113.10", true)]
    [InlineData("2001:db8::1", true)]
    public void IsPublic_Address_ClassifiesInternalRanges(string address, bool expected) =>
        Assert.Equal(expected, BaseUrlPolicy.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void Schema_PublishedFile_MatchesTheTypes()
    {
        var published = Path.Combine(RepositoryRoot(), "schemas", "v1", "declarative-adapter.schema.json");
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1")
        {
            File.WriteAllText(published, ManifestSchema.Text);
        }

        Assert.True(File.Exists(published), $"{published} is missing: run UPDATE_SCHEMAS=1 dotnet test --filter Schema_PublishedFile");
        Assert.Equal(ManifestSchema.Text, File.ReadAllText(published));
        Assert.NotNull(JsonNode.Parse(ManifestSchema.Text)!["properties"]!["operations"]);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MppIntegrationHub.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
