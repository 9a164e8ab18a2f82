using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace MppIntegrationHub.Contracts.Serialization;

/// <summary>Durations as ISO 8601 (<c>P3D</c>, <c>PT2H</c>), the form non-.NET portals parse, not .NET's <c>3.00:00:00</c>.</summary>
public sealed class IsoDurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return XmlConvert.ToTimeSpan(reader.GetString() ?? throw new JsonException("A duration is an ISO 8601 string."));
        }
        catch (FormatException ex)
        {
            throw new JsonException("A duration is an ISO 8601 string such as P3D or PT2H.", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
