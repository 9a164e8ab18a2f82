using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using MppIntegrationHub.Contracts.Schemas;

namespace MppIntegrationHub.Contracts.Tests.Schemas;

/// <summary>The checked-in schema files and a readable diff against what the types generate now.</summary>
internal static class SchemaFiles
{
    /// <summary>Set <c>UPDATE_SCHEMAS=1</c> to rewrite stale files instead of failing.</summary>
    public static bool Rewrite => Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1";

    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "schemas", "v1");

    public static string PathOf(PublicSchema schema) => Path.Combine(Folder, schema.FileName);

    /// <summary>Lines that differ, as <c>- checked in</c> / <c>+ generated</c> with line numbers; empty when equal.</summary>
    public static string Drift(string checkedIn, string generated)
    {
        var diff = InlineDiffBuilder.Diff(checkedIn, generated, ignoreWhiteSpace: false);
        var report = new StringBuilder();
        foreach (var line in diff.Lines.Where(l => l.Type is ChangeType.Inserted or ChangeType.Deleted))
        {
            report.Append(line.Type == ChangeType.Inserted ? "+ " : "- ")
                .Append(line.Position?.ToString("D4", null) ?? "    ")
                .Append(' ')
                .AppendLine(line.Text);
        }

        return report.ToString();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MppIntegrationHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MppIntegrationHub.sln not found above the test binaries.");
    }
}
