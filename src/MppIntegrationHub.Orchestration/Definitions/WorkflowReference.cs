namespace MppIntegrationHub.Orchestration.Definitions;

/// <summary>
/// A reference inside a template: <c>$application.nik</c>, <c>$inputs.purpose</c> or
/// <c>$steps.create-billing.billingCode</c> (dotted path into that step's output).
/// </summary>
internal sealed record WorkflowReference(WorkflowReferenceRoot Root, string Name, IReadOnlyList<string> Path)
{
    public const string SelectKeyword = "$select";
    public const string CasesKeyword = "cases";

    /// <summary>Fields of <c>$application</c>.</summary>
    public static readonly IReadOnlySet<string> ApplicationFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "nik", "serviceCode", "clientId",
    };

    public static bool IsReference(string text) => text.StartsWith('$');

    public static WorkflowReference? TryParse(string text)
    {
        var parts = text.Split('.');
        if (parts.Length < 2 || parts.Any(string.IsNullOrEmpty))
        {
            return null;
        }

        WorkflowReferenceRoot? root = parts[0] switch
        {
            "$application" => WorkflowReferenceRoot.Application,
            "$inputs" => WorkflowReferenceRoot.Inputs,
            "$steps" => WorkflowReferenceRoot.Steps,
            _ => null,
        };
        return root is null ? null : new WorkflowReference(root.Value, parts[1], parts[2..]);
    }

    public override string ToString() =>
        $"${Root.ToString().ToLowerInvariant()}.{Name}{string.Concat(Path.Select(p => "." + p))}";
}

internal enum WorkflowReferenceRoot
{
    Application,
    Inputs,
    Steps,
}
