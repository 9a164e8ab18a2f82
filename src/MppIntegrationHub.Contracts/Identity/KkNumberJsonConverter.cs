using System.Text.Json;
using System.Text.Json.Serialization;

namespace MppIntegrationHub.Contracts.Identity;

/// <summary>Reads and writes a family card number as its 16 digits, rejecting invalid ones.</summary>
public sealed class KkNumberJsonConverter(TimeProvider clock) : JsonConverter<KkNumber>
{
    public KkNumberJsonConverter()
        : this(TimeProvider.System)
    {
    }

    public override KkNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()
            : throw new JsonException("A KK number is a string of 16 digits.");
        return KkNumber.TryParse(text, clock, out var kk, out var error)
            ? kk
            : throw new JsonException($"{error.Rule}: {error.Message}");
    }

    public override void Write(Utf8JsonWriter writer, KkNumber value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
