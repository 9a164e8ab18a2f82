using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MppIntegrationHub.Hub.Tests.Support;

internal static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 answer with the status (and type, when given); returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? type = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (type is not null)
        {
            Assert.Equal(type, problem.GetProperty("type").GetString());
        }

        return problem;
    }

    public static Task<T?> ReadAsync<T>(this HttpResponseMessage response, JsonSerializerOptions options) =>
        response.Content.ReadFromJsonAsync<T>(options);
}
