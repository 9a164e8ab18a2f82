using MppIntegrationHub.Simulators.Hosting;

namespace MppIntegrationHub.Simulators.Rest;

/// <summary>
/// Remembers the first answer to each <c>Idempotency-Key</c> of one agency and replays it (same status and body) for
/// repeats, counting accepted writes and duplicates.
/// </summary>
internal sealed class IdempotentWrites(WriteCounters counters)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RestReply> _answers = new(StringComparer.Ordinal);

    public RestReply Execute(string key, Func<RestReply> write)
    {
        lock (_lock)
        {
            if (_answers.TryGetValue(key, out var first))
            {
                counters.RecordDuplicate();
                return first with { Replayed = true };
            }

            var reply = write();
            _answers[key] = reply;
            if (reply.StatusCode is >= 200 and < 300)
            {
                counters.RecordAccepted();
            }

            return reply;
        }
    }
}
