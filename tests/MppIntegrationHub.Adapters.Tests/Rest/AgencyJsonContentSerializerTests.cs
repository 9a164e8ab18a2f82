using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MppIntegrationHub.Adapters.Rest;

namespace MppIntegrationHub.Adapters.Tests.Rest;

public sealed class AgencyJsonContentSerializerTests
{
    private const string Json = """{"kode":"00","jumlah":15000}""";

    private static readonly AgencyJsonContentSerializer Serializer = AgencyJsonContentSerializer.Default;

    [Fact]
    public async Task Read_BodyBufferedByTheSizeLimit_IsReadAndStaysReadable()
    {
        using var content = new StreamContent(new OneWayStream(Json));
        await content.LoadIntoBufferAsync(4096);

        var answer = await Serializer.FromHttpContentAsync<Answer>(content);

        Assert.Equal(new Answer("00", 15000), answer);
        Assert.Equal(Json, await content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Read_UnbufferedBody_IsReadInFull()
    {
        using var content = new StreamContent(new OneWayStream(Json));

        Assert.Equal(new Answer("00", 15000), await Serializer.FromHttpContentAsync<Answer>(content));
    }

    [Fact]
    public async Task Read_BodyStartingWithAByteOrderMark_IsRead()
    {
        using var content = new ByteArrayContent([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Json)]);
        await content.LoadIntoBufferAsync(4096);

        Assert.Equal(new Answer("00", 15000), await Serializer.FromHttpContentAsync<Answer>(content));
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"kode":"00","jumlah":15000}{}""")]
    [InlineData("""{"kode":"00","jumlah":15000""")]
    [InlineData("""{"kode":"00","jumlah":"15000"}""")]
    [InlineData("""{"kode":"00","kode":"01","jumlah":15000}""")]
    [InlineData("""{"jumlah":15000}""")]
    public async Task Read_TruncatedMistypedDuplicateOrMissing_IsRefused(string json)
    {
        using var content = new StringContent(json);
        await content.LoadIntoBufferAsync(4096);

        await Assert.ThrowsAnyAsync<JsonException>(() => Serializer.FromHttpContentAsync<Answer>(content));
    }

    [Fact]
    public async Task Write_Body_IsUtf8JsonWithoutNulls()
    {
        using var content = Serializer.ToHttpContent(new Answer("00", null));

        Assert.Equal("""{"kode":"00"}""", await content.ReadAsStringAsync());
        Assert.Equal("application/json; charset=utf-8", content.Headers.ContentType?.ToString());
    }

    private sealed record Answer([property: JsonPropertyName("kode")] string Kode, [property: JsonPropertyName("jumlah")] long? Jumlah);

    /// <summary>A network-like body: read once, front to back, length unknown.</summary>
    private sealed class OneWayStream(string text) : MemoryStream(Encoding.UTF8.GetBytes(text))
    {
        public override bool CanSeek => false;
    }
}
