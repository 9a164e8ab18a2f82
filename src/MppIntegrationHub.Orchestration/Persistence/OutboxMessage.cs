namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>
/// The messages of one commit, written in its transaction and sent afterwards by the relay: one row per commit
/// rather than per message, so a group commit adds one insert and the relay one delete however many it carries.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The messages as a JSON array of <c>{"type", "message"}</c> envelopes (see <c>OutboxBody</c>).</summary>
    public required string Body { get; set; }

    public int MessageCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The relay instance sending it; another instance takes over once <see cref="ClaimedUntil"/> passes.</summary>
    public Guid? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}
