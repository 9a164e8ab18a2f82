namespace MppIntegrationHub.Orchestration.Definitions;

/// <summary>A workflow definition that cannot run, with every problem found in it.</summary>
public sealed class WorkflowDefinitionException : Exception
{
    public WorkflowDefinitionException(string source, IReadOnlyList<string> errors)
        : base($"Workflow definition {source} is invalid:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", errors)}")
    {
        Errors = errors;
    }

    public WorkflowDefinitionException()
        : this("(unknown)", [])
    {
    }

    public WorkflowDefinitionException(string message)
        : this(message, [])
    {
    }

    public WorkflowDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<string> Errors { get; }
}
