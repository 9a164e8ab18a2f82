using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MppIntegrationHub.Adapters.Declarative.Mapping;

/// <summary>
/// Moves JSON between System.Text.Json (the hub) and Newtonsoft's JToken (JmesPath.Net). Strings stay strings: dates
/// are not parsed, so a mapping never changes a value's text.
/// </summary>
public static class JsonBridge
{
    private const int MaxDepth = 32;

    public static JToken ToToken(JsonElement element) => Parse(element.GetRawText());

    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = MaxDepth,
        };
        var token = JToken.ReadFrom(reader);
        return reader.Read() ? throw new JsonReaderException("Trailing content after the JSON value.") : token;
    }

    public static JsonElement ToElement(JToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var document = JsonDocument.Parse(token.ToString(Formatting.None));
        return document.RootElement.Clone();
    }

    /// <summary>The text of a scalar for a path or query value; null for JSON null.</summary>
    public static string? ScalarText(JToken token) => token.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => null,
        JTokenType.String => token.Value<string>(),
        JTokenType.Integer or JTokenType.Float or JTokenType.Boolean => token.ToString(Formatting.None),
        _ => throw new FormatException("A path or query value must be a string, number or boolean."),
    };
}
