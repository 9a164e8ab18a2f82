namespace MppIntegrationHub.Hub.Audit;

/// <summary>Entries of one append waiting for the next group commit; completes when they are durable, fails when their group's write failed.</summary>
internal sealed class PendingAudit(IReadOnlyCollection<AuditEntry> entries)
{
    private readonly TaskCompletionSource _durable = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<AuditEntry> Entries { get; } = entries;

    public Task Durable => _durable.Task;

    public void Complete() => _durable.TrySetResult();

    public void Fail(Exception exception) => _durable.TrySetException(exception);
}
