using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MppIntegrationHub.Adapters.Rest;

/// <summary>
/// JSON rules for agency wire formats. Agency answers are untrusted: types are strict (no numbers in strings unless a
/// DTO says so), duplicate properties and deep nesting are refused, required members must be present. Unknown members
/// are tolerated: agencies add fields without notice.
/// </summary>
public static class AgencyJson
{
    /// <summary>The rules, with metadata from reflection.</summary>
    public static JsonSerializerOptions Options { get; } = Create(new DefaultJsonTypeInfoResolver());

    /// <summary>
    /// The rules over an adapter's source-generated metadata (types it lacks fall back to reflection). The rules above
    /// govern reading whatever the context's own options say; a context generated with the same rules
    /// (<c>[JsonSourceGenerationOptions]</c>) also writes its types through the generated fast path.
    /// </summary>
    public static JsonSerializerOptions For(JsonSerializerContext generated) =>
        Create(JsonTypeInfoResolver.Combine(generated, new DefaultJsonTypeInfoResolver()));

    private static JsonSerializerOptions Create(IJsonTypeInfoResolver resolver)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
            MaxDepth = 32,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = resolver,
        };
        options.MakeReadOnly();
        return options;
    }
}
