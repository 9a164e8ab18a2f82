using System.Text.Json;
using MppIntegrationHub.Simulators.Hosting;
using WireMock;

namespace MppIntegrationHub.Simulators.Rest;

/// <summary>An answer of a designed REST API: a status and a JSON body already serialised.</summary>
internal sealed record RestReply(int StatusCode, string Json, bool Replayed = false)
{
    public static RestReply Ok(object body) => new(200, Serialize(body));

    public static RestReply Created(object body) => new(201, Serialize(body));

    public static RestReply Raw(int statusCode, string json) => new(statusCode, json);

    /// <summary>The common error shape <c>{"kode","pesan"}</c>.</summary>
    public static RestReply Error(int statusCode, string code, string message) =>
        new(statusCode, Serialize(new ErrorBody(code, message)));

    public static RestReply NotFound(string what) => Error(404, "TIDAK_DITEMUKAN", $"{what} tidak ditemukan");

    public static RestReply Invalid(string message) => Error(422, "DATA_TIDAK_VALID", message);

    public ResponseMessage ToResponse()
    {
        var response = Replies.Json(StatusCode, Json);
        if (Replayed)
        {
            response.AddHeader("Idempotent-Replayed", "true");
        }

        return response;
    }

    private static string Serialize(object body) => JsonSerializer.Serialize(body, body.GetType(), RestFormats.Json);

    private sealed record ErrorBody(string Kode, string Pesan);
}
