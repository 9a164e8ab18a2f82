using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace MppIntegrationHub.Hub.Telemetry;

/// <summary>
/// One JSON object per log line, carrying the trace and span id of the activity it was logged in, so a log line can be
/// found from a trace and the other way round without an OTLP collector. Scopes are left out on purpose: ASP.NET Core's
/// request scope holds the raw request path, which for citizen reads contains the NIK. Any 16-digit run (NIK, KK
/// number) left in a message, a value or an exception is erased, as <see cref="PersonalDataScrubber"/> does for spans.
/// </summary>
public sealed class TracedJsonConsoleFormatter(TimeProvider clock) : ConsoleFormatter(FormatterName)
{
    /// <summary>The name to select it with (<c>Logging:Console:FormatterName</c>).</summary>
    public const string FormatterName = "hub-json";

    private const string OriginalFormat = "{OriginalFormat}";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            json.WriteNumber("eventId", logEntry.EventId.Id);
            if (Activity.Current is { } activity)
            {
                json.WriteString("traceId", activity.TraceId.ToHexString());
                json.WriteString("spanId", activity.SpanId.ToHexString());
            }

            json.WriteString("message", Scrub(message));
            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> values && values.Any(v => v.Key != OriginalFormat))
            {
                json.WriteStartObject("state");
                foreach (var (key, value) in values.Where(v => v.Key != OriginalFormat))
                {
                    json.WriteString(key, Scrub(Convert.ToString(value, CultureInfo.InvariantCulture)));
                }

                json.WriteEndObject();
            }

            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", Scrub(exception.ToString()));
            }

            json.WriteEndObject();
        }

        textWriter.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    private static string? Scrub(string? text) => PersonalDataScrubber.EraseRegistryNumbers(text) ?? text;
}
