using System.Text.Json;

namespace MppIntegrationHub.Simulators;

/// <summary>Formats of the designed REST APIs (AGENCY-APIS.md): dates yyyy-MM-dd, times ISO 8601 at +07:00.</summary>
internal static class RestFormats
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>snake_case property names, nulls omitted.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Time(DateTimeOffset at) => at.ToOffset(Wib).ToString("yyyy-MM-dd'T'HH:mm:sszzz", null);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", null);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Wib).DateTime);
}
