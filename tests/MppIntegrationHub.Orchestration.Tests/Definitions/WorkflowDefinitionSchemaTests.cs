using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using MppIntegrationHub.Orchestration.Definitions;

namespace MppIntegrationHub.Orchestration.Tests.Definitions;

public sealed class WorkflowDefinitionSchemaTests
{
    [Fact]
    public void CheckedInSchema_MatchesTheDefinitionTypes()
    {
        var path = Path.Combine(RepositoryFiles.Root, "schemas", "v1", WorkflowDefinitionSchema.Schema.FileName);
        var generated = WorkflowDefinitionSchema.Generate();
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        var drift = InlineDiffBuilder.Diff(File.ReadAllText(path), generated).Lines
            .Where(l => l.Type is ChangeType.Inserted or ChangeType.Deleted)
            .Select(l => $"{(l.Type == ChangeType.Inserted ? "+" : "-")} {l.Position} {l.Text}");
        Assert.True(!drift.Any(), $"{path} is stale (UPDATE_SCHEMAS=1 rewrites it):\n{string.Join('\n', drift)}");
    }

    [Fact]
    public void Schema_DescribesStepsDurationsAndRequiredFields()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(WorkflowDefinitionSchema.Generate());
        var root = doc.RootElement;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        var required = root.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("steps", required);
        Assert.Contains("service", required);
        Assert.Equal("duration", root.GetProperty("properties").GetProperty("expectedDuration").GetProperty("format").GetString());
    }
}
