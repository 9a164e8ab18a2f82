using System.Text.Json;
using MppIntegrationHub.Simulators.Hosting;

namespace MppIntegrationHub.Simulators.Rest;

/// <summary>A request to a designed REST API: route groups, query and a JSON body read leniently.</summary>
internal sealed class RestRequest(RouteMatch match)
{
    private readonly Lazy<JsonElement?> _body = new(() => Parse(match.Body));

    public string Route(int group) => match.Groups[group];

    public string? Query(string name) => match.Query(name);

    public IEnumerable<string> FieldNames =>
        _body.Value is { ValueKind: JsonValueKind.Object } body ? body.EnumerateObject().Select(p => p.Name).ToArray() : [];

    public bool HasJsonObject => _body.Value is { ValueKind: JsonValueKind.Object };

    /// <summary>A body field as text (numbers too), or null when absent or empty.</summary>
    public string? Field(string name) =>
        _body.Value is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    public long? Number(string name) => long.TryParse(Field(name), out var number) ? number : null;

    private static JsonElement? Parse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
