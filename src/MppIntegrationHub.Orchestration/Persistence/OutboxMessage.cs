namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>A message committed with the state change that caused it, sent afterwards by the relay.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string MessageType { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>W3C trace context of the transition that wrote the row; the relay sends the message in that trace.</summary>
    public string? TraceParent { get; set; }

    /// <summary>The relay instance sending it; another instance takes over once <see cref="ClaimedUntil"/> passes.</summary>
    public Guid? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}
