using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace MppIntegrationHub.Adapters.Rest;

/// <summary>
/// Refit's JSON serializer for agency clients, with <see cref="AgencyJson"/> rules. Bodies are serialized to bytes up
/// front and answers parsed in one synchronous pass: the response size limit handler has already buffered them in
/// full, so the stream-based asynchronous path (and Refit's per-call reflection on the declared type) only costs time.
/// </summary>
public sealed class AgencyJsonContentSerializer(JsonSerializerOptions options) : IHttpContentSerializer
{
    private const string JsonMediaType = "application/json; charset=utf-8";

    /// <summary>The serializer with <see cref="AgencyJson.Options"/>.</summary>
    public static AgencyJsonContentSerializer Default { get; } = new(AgencyJson.Options);

    public HttpContent ToHttpContent<T>(T item)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(item, TypeInfo<T>()));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(JsonMediaType);
        return content;
    }

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body, TypeInfo<T>());
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo)
    {
        ArgumentNullException.ThrowIfNull(propertyInfo);
        return propertyInfo.GetCustomAttribute<JsonPropertyNameAttribute>(inherit: true)?.Name;
    }

    private JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
