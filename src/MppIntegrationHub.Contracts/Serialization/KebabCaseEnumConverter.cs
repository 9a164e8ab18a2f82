using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MppIntegrationHub.Contracts.Serialization;

/// <summary>
/// Enum values as kebab-case strings (or their <see cref="JsonStringEnumMemberNameAttribute"/>), read exactly:
/// <c>"Male"</c> is not <c>"male"</c>, numbers are refused. System.Text.Json's own enum converter matches names
/// ignoring case, which would let a portal's mistake pass unnoticed.
/// </summary>
public sealed class KebabCaseEnumConverter : JsonConverterFactory
{
    private static readonly ConcurrentDictionary<Type, string[]> Names = new();

    /// <summary>The JSON names of <paramref name="enumType"/>'s values, in declaration order (schemas and docs list these).</summary>
    public static IReadOnlyList<string> NamesOf(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return Names.GetOrAdd(enumType, static type => [.. type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.KebabCaseLower.ConvertName(f.Name))]);
    }

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private readonly FrozenDictionary<string, TEnum> _byName;
        private readonly FrozenDictionary<TEnum, string> _byValue;

        public Converter()
        {
            var values = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (TEnum)f.GetValue(null)!).ToArray();
            var names = NamesOf(typeof(TEnum));
            _byName = values.Select((v, i) => KeyValuePair.Create(names[i], v)).ToFrozenDictionary(StringComparer.Ordinal);
            _byValue = values.Select((v, i) => KeyValuePair.Create(v, names[i])).DistinctBy(p => p.Key).ToFrozenDictionary();
        }

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()!) : throw Invalid();

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Name(value));

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(Name(value));

        private TEnum Parse(string name) => _byName.TryGetValue(name, out var value) ? value : throw Invalid();

        private string Name(TEnum value) =>
            _byValue.TryGetValue(value, out var name) ? name : throw new JsonException($"{value} is not a named value of {typeof(TEnum).Name}.");

        private static JsonException Invalid() =>
            new($"Expected one of: {string.Join(", ", NamesOf(typeof(TEnum)))} (exactly as written).");
    }
}
