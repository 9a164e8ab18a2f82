using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Orchestration.Engine;

namespace MppIntegrationHub.Orchestration.Hosting;

/// <summary>
/// Groups the step attempts of one relay pass into <see cref="ExecuteSteps"/> messages of at most
/// <c>stepsPerMessage</c> attempts, spread evenly (17 attempts at 16 go as 9 + 8, so both halves run at once rather
/// than one message waiting on a straggler); an attempt left alone goes as a plain <see cref="ExecuteStep"/>.
/// Other messages pass unchanged.
/// </summary>
internal static class StepBatching
{
    public static List<OutboxEntry> Group(IEnumerable<OutboxEntry> entries, int stepsPerMessage)
    {
        var grouped = new List<OutboxEntry>();
        var steps = new List<OutboxEntry>();
        foreach (var entry in entries)
        {
            (entry.Message is ExecuteStep ? steps : grouped).Add(entry);
        }

        var messages = (steps.Count + stepsPerMessage - 1) / stepsPerMessage;
        var start = 0;
        for (var i = 0; i < messages; i++)
        {
            var size = (steps.Count / messages) + (i < steps.Count % messages ? 1 : 0);
            grouped.Add(size == 1
                ? steps[start]
                : new OutboxEntry(new ExecuteSteps([.. steps.GetRange(start, size).Select(e => new DispatchedStep((ExecuteStep)e.Message, e.TraceParent))]), null));
            start += size;
        }

        return grouped;
    }
}
