using System.Collections.Frozen;
using MppIntegrationHub.Contracts.Messages;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>The messages the orchestrator writes to its outbox, by the name stored in each row.</summary>
internal static class OutboxMessageTypes
{
    private static readonly FrozenDictionary<string, Type> ByName = new[]
    {
        typeof(ExecuteStep), typeof(ApplicationSubmitted), typeof(ApplicationStatusChanged), typeof(ApplicationStepCompleted),
    }.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static Type Resolve(string name) =>
        ByName.GetValueOrDefault(name) ?? throw new InvalidOperationException($"Outbox message type '{name}' is not known.");

    public static string NameOf(object message)
    {
        var name = message.GetType().Name;
        return ByName.ContainsKey(name) ? name : throw new InvalidOperationException($"{name} is not an outbox message type.");
    }
}
