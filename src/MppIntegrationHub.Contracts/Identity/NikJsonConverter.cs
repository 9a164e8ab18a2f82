using System.Text.Json;
using System.Text.Json.Serialization;

namespace MppIntegrationHub.Contracts.Identity;

/// <summary>
/// Reads a NIK string (separators allowed) and rejects invalid ones with a <see cref="JsonException"/> whose message
/// names the broken rule; writes the 16 digits.
/// </summary>
public sealed class NikJsonConverter(TimeProvider clock) : JsonConverter<Nik>
{
    public NikJsonConverter()
        : this(TimeProvider.System)
    {
    }

    public override Nik Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()
            : throw new JsonException("A NIK is a string of 16 digits.");
        return Nik.TryParse(text, clock, out var nik, out var error)
            ? nik
            : throw new JsonException($"{error.Rule}: {error.Message}");
    }

    public override void Write(Utf8JsonWriter writer, Nik value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
