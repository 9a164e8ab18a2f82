using System.ComponentModel.DataAnnotations;

namespace MppIntegrationHub.Orchestration;

/// <summary>How the orchestrator paces its work (configuration section <c>Orchestration</c>).</summary>
public sealed record OrchestrationOptions
{
    public const string Section = "Orchestration";

    /// <summary>How long a worker owns a dispatched step before the sweeper hands it to another.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the sweeper looks for expired leases.</summary>
    public TimeSpan LeaseSweepInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest sleep of the due-time scheduler (it also wakes for due times committed in this process).</summary>
    public TimeSpan DueTimePollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest sleep of the outbox relay (it also wakes on commits in this process).</summary>
    public TimeSpan OutboxPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a relay instance owns outbox rows it claimed before another may send them.</summary>
    public TimeSpan OutboxClaimDuration { get; init; } = TimeSpan.FromSeconds(30);

    [Range(1, 10_000)]
    public int OutboxBatchSize { get; init; } = 256;

    /// <summary>Group commits in flight at once on PostgreSQL, each for its own share of the applications (SQLite has one writer: always 1).</summary>
    [Range(1, 64)]
    public int CommitConcurrency { get; init; } = 4;

    /// <summary>Step attempts calling their agencies at once in this process (agency calls are I/O bound); waiting for the outcome's commit does not count.</summary>
    [Range(1, 1_024)]
    public int StepConcurrency { get; init; } = 64;

    /// <summary>Most step attempts the outbox relay sends in one message (a pass's attempts are spread evenly over as few messages as this allows).</summary>
    [Range(1, 256)]
    public int StepsPerMessage { get; init; } = 16;

    /// <summary>Retries one process lets through per agency per minute; beyond it, retries wait for the next minute.</summary>
    [Range(1, 1_000_000)]
    public int AgencyRetriesPerMinute { get; init; } = 600;

    /// <summary>An application not updated for this long (and not simply waiting on its schedule) is listed as stuck.</summary>
    public TimeSpan StuckAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Extra definitions (<c>*.json</c>) beside the built-in catalogue, e.g. a v2 being rolled out.</summary>
    public string? DefinitionsFolder { get; init; }

    /// <summary>Apply the orchestrator's migrations when the host starts.</summary>
    public bool MigrateOnStart { get; init; } = true;
}
