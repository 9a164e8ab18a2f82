using System.Buffers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace MppIntegrationHub.Adapters.Rest;

/// <summary>
/// Refit's JSON serializer for agency clients, with <see cref="AgencyJson"/> rules. Bodies are serialized to bytes up
/// front and answers parsed in one synchronous pass over the body the response size limit handler buffered:
/// the asynchronous path and Refit's per-call reflection on the declared type only cost time.
/// As an <see cref="ISynchronousContentSerializer"/> with <see cref="RequestBodySerializationMode.Buffered"/> it also
/// keeps Refit from wrapping the already-buffered body in a push stream.
/// </summary>
public sealed class AgencyJsonContentSerializer(JsonSerializerOptions options) : IHttpContentSerializer, ISynchronousContentSerializer
{
    /// <summary>The serializer with <see cref="AgencyJson.Options"/>.</summary>
    public static AgencyJsonContentSerializer Default { get; } = new(AgencyJson.Options);

    public HttpContent ToHttpContent<T>(T item)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(item, TypeInfo<T>()));

        // A constant, valid value: stored as text and written as is, without building and validating a header object per body.
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return content;
    }

    public HttpContent ToHttpContentSynchronous<T>(T item) => ToHttpContent(item);

    /// <summary>Agency bodies are small: they are serialized up front in this mode too.</summary>
    public HttpContent ToStreamingHttpContent<T>(T item) => ToHttpContent(item);

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);

        // Done at once when the response size limit handler has buffered the body; then the stream is a read-only view
        // on that buffer. Its bytes are parsed from one pooled copy: the serializer's stream reader costs more than the
        // copy (a read buffer, a resumable read state) for the whole bodies agencies send.
        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        using var body = content.ReadAsStream(cancellationToken);
        var length = checked((int)body.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.ReadExactly(buffer, 0, length);
            var json = buffer.AsSpan(0, length);
            return JsonSerializer.Deserialize(json.StartsWith(Utf8Bom) ? json[Utf8Bom.Length..] : json, TypeInfo<T>());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Some agency gateways start their JSON with a byte order mark, which the serializer's stream reader skipped.</summary>
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo)
    {
        ArgumentNullException.ThrowIfNull(propertyInfo);
        return propertyInfo.GetCustomAttribute<JsonPropertyNameAttribute>(inherit: true)?.Name;
    }

    /// <summary>
    /// The type's metadata under these options. <see cref="JsonSerializerOptions.GetTypeInfo"/> validates the type by
    /// reflection on every call; a wire type belongs to one agency's serializer, so remembering the last one asked for
    /// answers nearly every call.
    /// </summary>
    private JsonTypeInfo<T> TypeInfo<T>()
    {
        if (LastTypeInfo<T>.Value is { } last && ReferenceEquals(last.Options, options))
        {
            return last;
        }

        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        LastTypeInfo<T>.Value = typeInfo;
        return typeInfo;
    }

    private static class LastTypeInfo<T>
    {
        public static JsonTypeInfo<T>? Value;
    }
}
