namespace MppIntegrationHub.Contracts.Applications;

/// <summary>Where a service application stands.</summary>
public enum ApplicationStatus
{
    /// <summary>Accepted by the hub; the workflow has not started a step yet.</summary>
    Submitted,

    /// <summary>A step is executing.</summary>
    Running,

    /// <summary>Waiting for an agency (issuance, printing, interview) or for the citizen to pay.</summary>
    Waiting,

    /// <summary>An agency is unavailable; the hub retries later. Nothing is lost.</summary>
    Paused,

    /// <summary>Finished with the service's outputs (certificate, licence, passport, document).</summary>
    Completed,

    /// <summary>Ended for good with a reason (e.g. expired licence, record found); compensation already ran.</summary>
    Failed,

    /// <summary>Cancellation requested; compensation is running.</summary>
    Cancelling,

    /// <summary>Cancelled by the citizen, the portal or an operator.</summary>
    Cancelled,

    /// <summary>A step failed for good; compensation is undoing earlier steps before the application ends as failed.</summary>
    Compensating,
}
