using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MppIntegrationHub.Contracts.Identity;

/// <summary>
/// Reads a 16-digit registry number (NIK, KK) from a string, separators allowed, and rejects an invalid one with a
/// <see cref="JsonException"/> naming the broken rule, so the API can report it as a field error; writes the digits.
/// </summary>
public abstract class RegistryNumberJsonConverter<T>(TimeProvider clock, string name) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()
            : throw new JsonException($"A {name} is a string of 16 digits.");
        return TryParse(text, RegistryDate.Today(clock), out var value, out var rule, out var message)
            ? value
            : throw new JsonException($"{rule}: {message}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Digits(value));

    protected abstract bool TryParse(
        ReadOnlySpan<char> text, DateOnly today, out T value, [NotNullWhen(false)] out string? rule, out string? message);

    protected abstract string Digits(T value);
}
