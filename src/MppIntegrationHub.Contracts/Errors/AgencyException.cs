namespace MppIntegrationHub.Contracts.Errors;

/// <summary>Carries a normalised <see cref="AgencyError"/> out of an adapter.</summary>
public sealed class AgencyException : Exception
{
    public AgencyException(AgencyError error, Exception? innerException = null)
        : base($"{error.Agency} {error.Kind}: {error.Code}", innerException)
    {
        Error = error;
    }

    public AgencyError Error { get; }
}
