using System.Text.Json;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Schemas;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Contracts.Tests.Schemas;

public sealed class PublishedSchemaTests
{
    public static TheoryData<string> Names => [.. PublicSchemas.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void CheckedInSchema_MatchesTheContractTypes(string name)
    {
        var schema = PublicSchemas.All.Single(s => s.Name == name);
        var generated = SchemaGenerator.Generate(schema);
        var path = SchemaFiles.PathOf(schema);

        if (SchemaFiles.Rewrite)
        {
            Directory.CreateDirectory(SchemaFiles.Folder);
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run UPDATE_SCHEMAS=1 dotnet test --filter PublishedSchemaTests");
        var drift = SchemaFiles.Drift(File.ReadAllText(path), generated);
        Assert.True(drift.Length == 0, $"{schema.FileName} is stale (UPDATE_SCHEMAS=1 rewrites it):\n{drift}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Example_RoundTripsUnderTheHubJsonRules(string name)
    {
        var schema = PublicSchemas.All.Single(s => s.Name == name);
        var json = JsonSerializer.Serialize(schema.Example, schema.Type, HubJson.Options);

        var back = JsonSerializer.Deserialize(json, schema.Type, HubJson.Options);

        Assert.Equal(json, JsonSerializer.Serialize(back, schema.Type, HubJson.Options));
    }

    [Fact]
    public void GeneratedSchema_HasIdTitleDescriptionsAndExample()
    {
        using var doc = JsonDocument.Parse(SchemaGenerator.Generate(PublicSchemas.All.Single(s => s.Name == "citizen-profile")));
        var root = doc.RootElement;

        Assert.Equal(SchemaGenerator.Draft, root.GetProperty("$schema").GetString());
        Assert.Equal("urn:mpp-integration-hub:schemas:v1:citizen-profile", root.GetProperty("$id").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("description").GetString()));
        var nik = root.GetProperty("properties").GetProperty("nik");
        Assert.Equal("^[0-9]{16}$", nik.GetProperty("pattern").GetString());
        Assert.Contains("nik", root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Object, root.GetProperty("examples")[0].ValueKind);
    }

    [Fact]
    public void Drift_ContractChangedWithoutItsSchema_IsReportedLineByLine()
    {
        // The check above must fail when a type gains a property its checked-in schema lacks.
        var original = PublicSchemas.All.Single(s => s.Name == "citizen-identity");
        var changed = original with
        {
            Type = typeof(CitizenIdentityWithEmail),
            Example = new CitizenIdentityWithEmail(Nik.Parse("3273015708900003", new DateOnly(2026, 11, 23)), "Siti Rahayu", "siti@example.org"),
        };

        var drift = SchemaFiles.Drift(File.ReadAllText(SchemaFiles.PathOf(original)), SchemaGenerator.Generate(changed));

        Assert.Contains("+ ", drift, StringComparison.Ordinal);
        Assert.Contains("\"email\"", drift, StringComparison.Ordinal);
    }

    private sealed record CitizenIdentityWithEmail(Nik Nik, string FullName, string Email);
}
