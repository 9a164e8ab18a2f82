namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>The operator's kill switch for one agency's retries.</summary>
public sealed class AgencyRetryControl
{
    public required string Agency { get; set; }

    public bool RetriesStopped { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
