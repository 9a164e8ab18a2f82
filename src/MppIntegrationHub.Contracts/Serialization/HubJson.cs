using System.Text.Json;
using System.Text.Json.Serialization;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Serialization;

/// <summary>
/// The one set of JSON rules the hub speaks everywhere (API, bus, store, schemas): camelCase properties,
/// kebab-case enum values (read exactly), ISO 8601 dates, nulls omitted, unknown and duplicate properties rejected.
/// </summary>
public static class HubJson
{
    /// <summary>Options on the system clock; frozen, safe to share.</summary>
    public static JsonSerializerOptions Options { get; } = Create(TimeProvider.System);

    /// <summary>
    /// The same rules for JSON Schema exporters: enums through System.Text.Json's own converter, which writes the same
    /// names and which the exporter can list as <c>enum</c> values; never used to read.
    /// </summary>
    public static JsonSerializerOptions SchemaOptions { get; } = CreateForSchemas();

    /// <summary>Options whose NIK and KK validation uses <paramref name="clock"/> for "today" (tests move it).</summary>
    public static JsonSerializerOptions Create(TimeProvider clock)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options, clock);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Applies the hub's rules to options owned by a framework (ASP.NET Core, MassTransit).</summary>
    public static void Apply(JsonSerializerOptions options, TimeProvider clock) => Apply(options, clock, new KebabCaseEnumConverter());

    private static JsonSerializerOptions CreateForSchemas()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options, TimeProvider.System, new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static void Apply(JsonSerializerOptions options, TimeProvider clock, JsonConverter enums)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.Converters.Add(enums);
        options.Converters.Add(new IsoDurationJsonConverter());
        options.Converters.Add(new NikJsonConverter(clock));
        options.Converters.Add(new KkNumberJsonConverter(clock));
    }
}
