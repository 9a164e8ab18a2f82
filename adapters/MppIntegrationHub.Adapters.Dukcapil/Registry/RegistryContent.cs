using System.Text.Json;
using MppIntegrationHub.Adapters.Dukcapil.Verification;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Dukcapil.Registry;

/// <summary>Reads <c>content[0]</c> of a page: the record's fields, or the in-band failure as an exception.</summary>
public static class RegistryContent
{
    /// <summary>The first record; throws <see cref="AgencyException"/> for a <c>RESPONSE_CODE</c>.</summary>
    public static JsonElement FirstRecord(DukcapilPage<JsonElement> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Content is not [{ ValueKind: JsonValueKind.Object } record, ..])
        {
            throw new FormatException("The registry page has no record.");
        }

        if (record.TryGetProperty("RESPONSE_CODE", out var code))
        {
            throw Failure(code);
        }

        return record;
    }

    /// <summary>The first verification record; throws <see cref="AgencyException"/> for a <c>RESPONSE_CODE</c>.</summary>
    public static ElementVerdicts FirstRecord(ElementVerdictsPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.First is not { } record)
        {
            throw new FormatException("The registry page has no record.");
        }

        return record.ResponseCode is { } code ? throw Failure(code) : record;
    }

    private static AgencyException Failure(JsonElement code) =>
        new(DukcapilCodes.ForResponseCode(code.ValueKind == JsonValueKind.String ? code.GetString()! : code.GetRawText()));

    /// <summary>A text field, or null when absent, empty or Dukcapil's <c>-</c>.</summary>
    public static string? Text(this JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text && text != "-" ? text : null,
            JsonValueKind.Null => null,
            _ => throw new FormatException($"Registry field {name} is not text."),
        } : null;

    /// <summary>A number Dukcapil writes either as a number or as digits in a string (padded or not).</summary>
    public static long? Number(this JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number => value.GetInt64(),
            JsonValueKind.String when value.GetString() is "" or "-" => null,
            JsonValueKind.String => long.Parse(value.GetString()!, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture),
            JsonValueKind.Null => null,
            _ => throw new FormatException($"Registry field {name} is not a number."),
        } : null;
}
