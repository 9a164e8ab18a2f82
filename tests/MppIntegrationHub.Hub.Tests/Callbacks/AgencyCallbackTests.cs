using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Callbacks;

public sealed class AgencyCallbackTests(HubFactory hub) : IClassFixture<HubFactory>
{
    private const string Body = """{"nomor_registrasi":"SKCK-3273-20261123-000123","status":"VERIFIKASI","diperbarui":"2026-11-23T10:00:00+07:00"}""";

    [Fact]
    public async Task Callback_SignedWithTheAgencySecret_IsAcceptedAndAudited()
    {
        using var http = hub.CreateClient();

        using var response = await PostAsync(http, "skck", Body, Sign(HubFactory.CallbackSecret, Body));
        using var auditor = await hub.ClientForAsync(HubFactory.Auditor);
        var page = await auditor.GetFromJsonAsync<AuditPage>(new Uri("/api/v1/audit?limit=500", UriKind.Relative), hub.Json);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(page!.Records, r => r.Client == "agency:skck" && r.Resource == "SKCK-3273-20261123-000123");
    }

    [Theory]
    [InlineData("skck", "sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("skck", "")]
    [InlineData("skck", "sha1=abc")]
    [InlineData("skck", "sha256=zz")]
    [InlineData("sim", "valid-for-skck")]
    [InlineData("unknown-agency", "valid-for-skck")]
    public async Task Callback_WithBadOrForeignSignature_Is401(string agency, string signature)
    {
        using var http = hub.CreateClient();
        var header = signature == "valid-for-skck" ? Sign(HubFactory.CallbackSecret, Body) : signature;

        using var response = await PostAsync(http, agency, Body, header);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, HubProblems.Types.SignatureInvalid);
    }

    [Fact]
    public async Task Callback_WithAPortalTokenInsteadOfASignature_Is401()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);

        using var response = await PostAsync(portal, "skck", Body, null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, HubProblems.Types.SignatureInvalid);
    }

    [Fact]
    public async Task Callback_SignedButNotACase_Is422()
    {
        using var http = hub.CreateClient();
        const string body = """{"hello":"world"}""";

        using var response = await PostAsync(http, "skck", body, Sign(HubFactory.CallbackSecret, body));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string agency, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/agency-callbacks/{agency}", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Agency-Signature", signature);
        }

        return http.SendAsync(request);
    }

    private static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
