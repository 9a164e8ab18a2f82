using System.Text.Json;
using System.Text.Json.Serialization;

namespace MppIntegrationHub.Adapters.Rest;

/// <summary>
/// JSON rules for agency wire formats. Agency answers are untrusted: types are strict (no numbers in strings unless a
/// DTO says so), duplicate properties and deep nesting are refused, required members must be present. Unknown members
/// are tolerated: agencies add fields without notice.
/// </summary>
public static class AgencyJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
            MaxDepth = 32,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
