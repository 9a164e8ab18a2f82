using System.Text.Json;
using System.Text.Json.Serialization;

namespace MppIntegrationHub.Adapters.Dukcapil.Verification;

/// <summary>
/// Reads a CALL_VERIFY_BY_ELEMEN page in one pass over the answer: every record of <c>content</c> one at a time, its
/// verdicts parsed from their UTF-8 text (no strings, no intermediate objects), keeping the first record. The agency
/// rules hold as for the other answers: <c>content</c> and <c>quotaLimiter</c> required, known members at most once
/// and strictly typed, unknown members skipped, nesting bounded by the reader's maximum depth.
/// </summary>
public sealed class ElementVerdictsPageConverter : JsonConverter<ElementVerdictsPage>
{
    private static readonly JsonEncodedText Content = JsonEncodedText.Encode("content");
    private static readonly JsonEncodedText QuotaLimiter = JsonEncodedText.Encode("quotaLimiter");
    private static readonly JsonEncodedText ResponseCode = JsonEncodedText.Encode("RESPONSE_CODE");

    /// <summary>The longest verdict the hub knows, <c>Tidak Sesuai (100)</c>, with every character escaped (<c>\u0054</c>).</summary>
    private const int MaxVerdictBytes = 18 * 6;

    public override ElementVerdictsPage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        ElementVerdicts? first = null;
        long? quota = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(Content.EncodedUtf8Bytes))
            {
                Once(ref seen, 1, ref reader);
                first = ReadRecords(ref reader);
            }
            else if (reader.ValueTextEquals(QuotaLimiter.EncodedUtf8Bytes))
            {
                Once(ref seen, 2, ref reader);
                quota = reader.TokenType == JsonTokenType.Null ? null
                    : reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var left) ? left
                    : throw new JsonException("The registry page's quotaLimiter is not a whole number.");
            }
            else
            {
                reader.Skip();
            }
        }

        return seen == 3 ? new ElementVerdictsPage(first, quota) : throw new JsonException("The registry page lacks content or quotaLimiter.");
    }

    public override void Write(Utf8JsonWriter writer, ElementVerdictsPage value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The hub only reads registry pages.");

    private static ElementVerdicts? ReadRecords(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        ElementVerdicts? first = null;
        var read = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var record = ReadRecord(ref reader);
            if (!read)
            {
                first = record;
                read = true;
            }
        }

        return first;
    }

    private static ElementVerdicts? ReadRecord(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        var record = new ElementVerdicts();
        var seen = 0;
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(ResponseCode.EncodedUtf8Bytes))
            {
                Once(ref seen, 1 << ElementVerdicts.ElementCount, ref reader);
                record.ResponseCode = reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
            }
            else if (ElementAt(ref reader, next) is var element and >= 0)
            {
                next = element + 1;
                Once(ref seen, 1 << element, ref reader);
                Judge(ref reader, record, element);
            }
            else
            {
                reader.Skip();
            }
        }

        return record;
    }

    /// <summary>
    /// The index of the element the property names, or -1 for a member the hub does not read. The registry writes the
    /// elements in their order, so the search starts at <paramref name="next"/>, the one after the last found, and wraps.
    /// A name written plainly is compared byte for byte; an escaped one through the reader, which unescapes it.
    /// </summary>
    private static int ElementAt(ref Utf8JsonReader reader, int next)
    {
        var elements = ElementVerification.Elements;
        var plain = !reader.ValueIsEscaped && !reader.HasValueSequence;
        var name = plain ? reader.ValueSpan : default;
        for (var tried = 0; tried < elements.Length; tried++)
        {
            var element = (next + tried) % elements.Length;
            var expected = elements[element].Name.EncodedUtf8Bytes;
            if (plain ? name.SequenceEqual(expected) : reader.ValueTextEquals(expected))
            {
                return element;
            }
        }

        return -1;
    }

    private static void Judge(ref Utf8JsonReader reader, ElementVerdicts record, int element)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        Expect(ref reader, JsonTokenType.String);
        if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > MaxVerdictBytes)
        {
            record.NotUnderstood(element);
            return;
        }

        Span<byte> buffer = stackalloc byte[MaxVerdictBytes];
        ReadOnlySpan<byte> text = reader.ValueIsEscaped || reader.HasValueSequence ? buffer[..reader.CopyString(buffer)] : reader.ValueSpan;
        if (text.IsEmpty || text.SequenceEqual("-"u8))
        {
            return;
        }

        if (ElementVerification.ParseVerdict(text) is { } verdict)
        {
            record.Judge(element, verdict);
        }
        else
        {
            record.NotUnderstood(element);
        }
    }

    /// <summary>Marks the member at the reader as seen, refusing a duplicate, and moves to its value.</summary>
    private static void Once(ref int seen, int member, ref Utf8JsonReader reader)
    {
        if ((seen & member) != 0)
        {
            throw new JsonException("The registry sent a member twice.");
        }

        seen |= member;
        reader.Read();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"The registry sent {reader.TokenType} where {token} belongs.");
        }
    }
}
