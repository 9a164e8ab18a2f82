namespace MppIntegrationHub.Contracts.Applications;

/// <summary>Where one workflow step stands.</summary>
public enum StepStatus
{
    Pending,
    Running,
    Waiting,
    RetryScheduled,
    Succeeded,
    Failed,
    Skipped,
    Compensated,
}
