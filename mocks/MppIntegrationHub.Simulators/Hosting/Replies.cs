using System.Text;
using System.Text.Json;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace MppIntegrationHub.Simulators.Hosting;

/// <summary>Builds WireMock response messages from coded handlers.</summary>
internal static class Replies
{
    public static ResponseMessage Json(int statusCode, string json) => Text(statusCode, json, "application/json");

    public static ResponseMessage Json<T>(int statusCode, T body, JsonSerializerOptions options) =>
        Json(statusCode, JsonSerializer.Serialize(body, options));

    public static ResponseMessage Text(int statusCode, string body, string contentType)
    {
        var response = new ResponseMessage
        {
            StatusCode = statusCode,
            BodyData = new BodyData
            {
                BodyAsString = body,
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
        response.AddHeader("Content-Type", $"{contentType}; charset=utf-8");
        return response;
    }
}
