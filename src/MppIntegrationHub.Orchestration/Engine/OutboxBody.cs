using System.Collections.Frozen;
using System.Text.Json;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Orchestration.Engine;

/// <summary>
/// The body of an outbox row: the messages of one commit as a JSON array of
/// <c>{"type": name, "message": ..., "traceParent": ...}</c>, limited to the messages the orchestrator sends. Each
/// message keeps the W3C trace context of the event that caused it (one commit groups events of many traces).
/// </summary>
internal static class OutboxBody
{
    private static readonly FrozenDictionary<string, Type> ByName = new[]
    {
        typeof(ExecuteStep), typeof(ApplicationSubmitted), typeof(ApplicationStatusChanged), typeof(ApplicationStepCompleted),
    }.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static string Write(IEnumerable<OutboxEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (message, traceParent) in entries)
            {
                var type = message.GetType();
                if (!ByName.ContainsKey(type.Name))
                {
                    throw new InvalidOperationException($"{type.Name} is not an outbox message type.");
                }

                writer.WriteStartObject();
                writer.WriteString("type", type.Name);
                writer.WritePropertyName("message");
                JsonSerializer.Serialize(writer, message, type, HubJson.Options);
                if (traceParent is not null)
                {
                    writer.WriteString("traceParent", traceParent);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static List<OutboxEntry> Read(string body)
    {
        using var document = JsonDocument.Parse(body);
        return [.. document.RootElement.EnumerateArray().Select(envelope =>
        {
            var name = envelope.GetProperty("type").GetString()!;
            var type = ByName.GetValueOrDefault(name) ?? throw new InvalidOperationException($"Outbox message type '{name}' is not known.");
            var traceParent = envelope.TryGetProperty("traceParent", out var trace) ? trace.GetString() : null;
            return new OutboxEntry(envelope.GetProperty("message").Deserialize(type, HubJson.Options)!, traceParent);
        })];
    }
}

/// <summary>A message to send and the trace context it is sent in.</summary>
internal sealed record OutboxEntry(object Message, string? TraceParent);
