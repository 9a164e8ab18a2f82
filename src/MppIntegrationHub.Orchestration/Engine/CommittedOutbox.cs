using System.Collections.Concurrent;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// Hands outbox rows this process just committed to its running relay, so they are sent straight after the
/// commit without reading the table back. The rows are written already claimed by the relay
/// (<see cref="RelayId"/>); if the process dies before sending them, the claim expires and any relay's poll sends them.
/// </summary>
internal sealed class CommittedOutbox(WorkflowSignals signals)
{
    private readonly ConcurrentQueue<CommittedRow> _committed = new();
    private volatile bool _attached;

    public Guid RelayId { get; } = Guid.NewGuid();

    /// <summary>True while a relay takes committed messages; otherwise rows are written unclaimed and left to polling.</summary>
    public bool IsAttached => _attached;

    public void Attach() => _attached = true;

    public void Detach() => _attached = false;

    public void Committed(CommittedRow row)
    {
        _committed.Enqueue(row);
        signals.OutboxWritten();
    }

    public int TakeInto(List<CommittedRow> batch, int max)
    {
        var taken = 0;
        while (taken < max && _committed.TryDequeue(out var message))
        {
            batch.Add(message);
            taken++;
        }

        return taken;
    }
}

/// <summary>A committed outbox row and the messages it holds.</summary>
internal sealed record CommittedRow(long RowId, IReadOnlyList<OutboxEntry> Messages);
