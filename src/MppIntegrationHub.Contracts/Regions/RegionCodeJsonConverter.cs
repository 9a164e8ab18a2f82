using System.Text.Json;
using System.Text.Json.Serialization;

namespace MppIntegrationHub.Contracts.Regions;

/// <summary>Writes a region code as its digits; reads digits with or without dots.</summary>
public sealed class RegionCodeJsonConverter : JsonConverter<RegionCode>
{
    public override RegionCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A region code is a string of 2, 4, 6 or 10 digits.");
        }

        Span<char> buffer = stackalloc char[32];
        var length = reader.HasValueSequence || reader.ValueSpan.Length > buffer.Length
            ? -1
            : reader.CopyString(buffer);
        if (length < 0 || !RegionCode.TryParse(buffer[..length], out var code))
        {
            throw new JsonException("A region code is a string of 2, 4, 6 or 10 digits.");
        }

        return code;
    }

    public override void Write(Utf8JsonWriter writer, RegionCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
