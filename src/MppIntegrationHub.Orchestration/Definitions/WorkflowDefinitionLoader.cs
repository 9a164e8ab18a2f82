using System.Text.Json;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Orchestration.Definitions;

/// <summary>Reads definitions from JSON under the hub's rules and refuses any that do not validate.</summary>
public static class WorkflowDefinitionLoader
{
    /// <summary>Parses and validates one definition; <paramref name="source"/> names it in errors.</summary>
    public static WorkflowDefinition Parse(string json, string source, IReadOnlySet<string>? extraCapabilities = null)
    {
        WorkflowDefinition definition;
        try
        {
            definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, HubJson.Options)
                ?? throw new WorkflowDefinitionException(source, ["the document is null"]);
        }
        catch (JsonException ex)
        {
            throw new WorkflowDefinitionException(source, [ex.Message]);
        }

        var errors = WorkflowDefinitionValidator.Validate(definition, extraCapabilities);
        return errors.Count == 0 ? definition : throw new WorkflowDefinitionException(source, errors);
    }

    /// <summary>The definitions shipped in this assembly (schemas/v1/workflows/*.json).</summary>
    public static IReadOnlyList<WorkflowDefinition> BuiltIn()
    {
        var assembly = typeof(WorkflowDefinitionLoader).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("workflows/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return Parse(reader.ReadToEnd(), name);
            })];
    }

    /// <summary>Every <c>*.json</c> definition in <paramref name="folder"/>; all files are checked before any error is thrown.</summary>
    public static IReadOnlyList<WorkflowDefinition> FromFolder(string folder, IReadOnlySet<string>? extraCapabilities = null)
    {
        var definitions = new List<WorkflowDefinition>();
        var errors = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                definitions.Add(Parse(File.ReadAllText(file), file, extraCapabilities));
            }
            catch (WorkflowDefinitionException ex)
            {
                errors.AddRange(ex.Errors.Select(e => $"{Path.GetFileName(file)}: {e}"));
            }
        }

        return errors.Count == 0 ? definitions : throw new WorkflowDefinitionException(folder, errors);
    }
}
