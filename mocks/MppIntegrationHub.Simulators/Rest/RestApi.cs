using System.Security.Cryptography;
using System.Text;
using MppIntegrationHub.Simulators.Hosting;
using WireMock.Server;

namespace MppIntegrationHub.Simulators.Rest;

/// <summary>
/// The rules every designed REST API shares (AGENCY-APIS.md): <c>X-Api-Key</c> on every call, an
/// <c>Idempotency-Key</c> on every write, errors as <c>{"kode","pesan"}</c>.
/// </summary>
internal sealed class RestApi(WireMockServer server, string root, string apiKey, IdempotentWrites writes)
{
    /// <summary>A read; the path is a regex below the API root, e.g. <c>/permohonan/([^/]+)</c>.</summary>
    public void Get(string path, Func<RestRequest, RestReply> handler) => Map("GET", path, handler, write: false);

    public void Post(string path, Func<RestRequest, RestReply> handler) => Map("POST", path, handler, write: true);

    public void Delete(string path, Func<RestRequest, RestReply> handler) => Map("DELETE", path, handler, write: true);

    /// <summary>A tester action standing in for a third party (the bank): no key checks, naturally idempotent.</summary>
    public void Action(string path, Func<RestRequest, RestReply> handler) =>
        server.On("POST", $"^{root}{path}$", match => handler(new RestRequest(match)).ToResponse());

    private void Map(string method, string path, Func<RestRequest, RestReply> handler, bool write) =>
        server.On(method, $"^{root}{path}$", match => Handle(match, handler, write).ToResponse());

    private RestReply Handle(RouteMatch match, Func<RestRequest, RestReply> handler, bool write)
    {
        if (!KeyMatches(match.Header("X-Api-Key")))
        {
            return RestReply.Error(401, "TIDAK_BERWENANG", "X-Api-Key tidak ada atau tidak valid");
        }

        var request = new RestRequest(match);
        if (!write)
        {
            return handler(request);
        }

        return match.Header("Idempotency-Key") is { Length: > 0 } key
            ? writes.Execute(key, () => handler(request))
            : RestReply.Error(400, "IDEMPOTENCY_KEY_WAJIB", "Header Idempotency-Key wajib untuk setiap penulisan");
    }

    private bool KeyMatches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(apiKey));
}
