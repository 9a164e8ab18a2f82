namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>A submission the catalogue refuses (unknown service, missing or invalid answers), with every reason.</summary>
public sealed class ApplicationInputException : Exception
{
    public ApplicationInputException(IReadOnlyList<string> errors)
        : base(string.Join(" ", errors))
    {
        Errors = errors;
    }

    public ApplicationInputException()
        : this([])
    {
    }

    public ApplicationInputException(string message)
        : this([message])
    {
    }

    public ApplicationInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; }
}
