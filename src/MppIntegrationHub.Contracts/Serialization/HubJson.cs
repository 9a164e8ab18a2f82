using System.Text.Json;
using System.Text.Json.Serialization;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Serialization;

/// <summary>
/// The one set of JSON rules the hub speaks everywhere (API, bus, store, schemas): camelCase properties,
/// kebab-case enum values, ISO 8601 dates, nulls omitted, unknown and duplicate properties rejected.
/// </summary>
public static class HubJson
{
    /// <summary>Options on the system clock; frozen, safe to share.</summary>
    public static JsonSerializerOptions Options { get; } = Create(TimeProvider.System);

    /// <summary>Options whose NIK and KK validation uses <paramref name="clock"/> for "today" (tests move it).</summary>
    public static JsonSerializerOptions Create(TimeProvider clock)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options, clock);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Applies the hub's rules to options owned by a framework (ASP.NET Core, MassTransit).</summary>
    public static void Apply(JsonSerializerOptions options, TimeProvider clock)
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
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new IsoDurationJsonConverter());
        options.Converters.Add(new NikJsonConverter(clock));
        options.Converters.Add(new KkNumberJsonConverter(clock));
    }
}
