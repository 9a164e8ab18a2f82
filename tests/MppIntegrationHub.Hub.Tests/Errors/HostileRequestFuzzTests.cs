using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MppIntegrationHub.Hub.Errors;
using MppIntegrationHub.Hub.Tests.Support;
using Xunit.Abstractions;

namespace MppIntegrationHub.Hub.Tests.Errors;

/// <summary>
/// Thousands of malformed and hostile requests, each invalid by construction: not one may answer 5xx, and every
/// answer must be a 4xx problem document. The seed is fixed, so a failure reproduces.
/// </summary>
public sealed class HostileRequestFuzzTests(RealHttpHubFactory hub, ITestOutputHelper output) : IClassFixture<RealHttpHubFactory>
{
    private const int Requests = 10_000;

    private static readonly string[] Hostile =
    [
        "' OR '1'='1", "'; DROP TABLE ApiConsents; --", "\" OR 1=1 --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}",
        "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "\0", "\u202e3273010101900001", "３２７３０１０１０１９０００１", "٣٢٧٣٠١٠١٠١٩٠٠٠١",
        "3273010101900001\u200b", "😀😀😀😀😀😀😀😀", "\ud83d", "\udc00abc", "ǅ", "İ", "ﬀ", "\r\nX-Injected: 1", "a".PadRight(5000, 'a'),
        "-1", "1e309", "NaN", "null", "true", "[]", "{}", "0x10", "32730101019000011", "327301010190000", "   ", "",
    ];

    private static readonly string[] BodyPaths = ["/api/v1/identity/verifications", "/api/v1/consents", "/api/v1/applications", "/api/v1/webhooks"];

    [Fact]
    public async Task HostileRequests_NeverAnswer5xx_AndAlwaysAnswerProblemJson()
    {
        using var http = await hub.ClientForAsync(HubFactory.Fuzzer);
        var random = new Random(20261123);
        var requests = Enumerable.Range(0, Requests).Select(_ => Generate(random)).ToList();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (build, ct) =>
        {
            using var request = build();
            var description = $"{request.Method} {request.RequestUri}";
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (HttpRequestException exception)
            {
                failures.Add($"transport error for {description}: {exception.InnerException?.Message ?? exception.Message}");
                return;
            }

            using var _ = response;
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (status is < 400 or >= 500)
            {
                failures.Add($"{status} for {description}: {Truncate(body)}");
            }
            else if (body.Length == 0 && status is 400 or 414 or 431 && IsProtocolLevel(request))
            {
                // Kestrel refuses these (NUL in the path, request line or headers too long) before the hub sees the
                // request, with an empty body; counted separately.
                statuses.AddOrUpdate(-status, 1, (_, n) => n + 1);
            }
            else if (response.Content.Headers.ContentType?.MediaType != HubProblems.ContentType)
            {
                failures.Add($"{status} without problem+json for {description}: {Truncate(body)}");
            }
            else if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
            {
                failures.Add($"{status} leaks an exception for {description}: {Truncate(body)}");
            }
        });

        output.WriteLine("status: count (negative = refused by Kestrel before the hub, empty body): "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers, e.g.:\n{string.Join("\n", failures.Take(15))}");
        Assert.Equal(Requests, statuses.Where(s => s.Key > 0).Sum(s => s.Value));
    }

    private static Func<HttpRequestMessage> Generate(Random random)
    {
        var hostile = Hostile[random.Next(Hostile.Length)];
        var escaped = Uri.EscapeDataString(hostile.Length == 0 ? " " : hostile);
        return random.Next(8) switch
        {
            0 => () => Json(HttpMethod.Post, Pick(random, BodyPaths), MalformedJson(random, hostile)),
            1 => () => Json(HttpMethod.Post, Pick(random, BodyPaths), WrongTypes(random)),
            2 => () => Json(HttpMethod.Post, "/api/v1/identity/verifications", $$"""{"nik":{{Quote(hostile)}},"fullName":{{Quote(hostile)}}}"""),
            3 => () => Json(HttpMethod.Post, "/api/v1/consents", $$"""{"nik":{{Quote(hostile)}},"purposes":[{{Quote(hostile)}}],"expiresAt":{{Quote(hostile)}},"evidenceReference":{{Quote(hostile)}}}"""),
            4 => () => new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/citizens/{escaped}/{Pick(random, "profile", "health-summary", "access-log")}?purpose={escaped}", UriKind.Relative)),
            5 => () => new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/applications?status={escaped}&page={random.Next(-5, 1)}&pageSize={escaped}", UriKind.Relative)),
            6 => () => Huge(random),
            _ => () => new HttpRequestMessage(
                new HttpMethod(Pick(random, "PUT", "PATCH", "DELETE", "TRACE", "POST")),
                new Uri($"/api/v1/{Pick(random, "services", "applications/" + escaped, "consents/" + escaped, "webhooks/" + escaped + "/deliveries", "audit/" + escaped)}", UriKind.Relative)),
        };
    }

    private static string MalformedJson(Random random, string hostile) => random.Next(9) switch
    {
        0 => "{\"nik\":\"3273",
        1 => "{" + new string('[', 5_000) + new string(']', 5_000) + "}",
        2 => "{\"nik\":\"3273010101900001\",\"nik\":\"3273010101900001\"",
        3 => Encoding.Latin1.GetString([0xff, 0xfe, 0x00, 0x7b, 0xc3, 0x28]),
        4 => "{\"nik\":\"3273010101900001\"}{\"again\":1}",
        5 => "[" + Quote(hostile) + "]",
        6 => "{\"nik\":\"\\ud800\",\"fullName\":\"\\udfff\"}",
        7 => "{'nik': 'single-quoted'}",
        _ => "{\"nik\":\"3273010101900000\",/*comment*/\"x\":1,}",
    };

    private static string WrongTypes(Random random) => random.Next(6) switch
    {
        0 => """{"nik":3273010101900001}""",
        1 => """{"nik":["3273010101900001"],"url":42}""",
        2 => """{"nik":"3273010101900000","fullName":{"first":"A"},"birthDate":true}""",
        3 => """{"serviceCode":7,"nik":null,"consentId":"not-a-guid","inputs":[]}""",
        4 => """{"url":"javascript:alert(1)","extra":1}""",
        _ => """{"nik":"9973010101900001","purposes":"passport","expiresAt":12,"evidenceReference":[]}""",
    };

    private static HttpRequestMessage Huge(Random random)
    {
        var size = (int)ErrorsServiceCollectionExtensions.MaxRequestBodyBytes + random.Next(1, 64 * 1024);
        var body = "{\"nik\":\"" + new string('9', size) + "\"}";
        var request = Json(HttpMethod.Post, Pick(random, BodyPaths), body);

        // As a well-behaved client uploading a large body does: the hub refuses it on Content-Length before a byte is
        // sent. Without it, HTTP/1.1 leaves the server only the choice to answer 413 and close mid-upload.
        request.Headers.ExpectContinue = true;
        return request;
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\ud800' and <= '\udfff') => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static bool IsProtocolLevel(HttpRequestMessage request)
    {
        var target = request.RequestUri!.OriginalString;
        return target.Contains("%00", StringComparison.Ordinal) || target.Length > 8 * 1024;
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300];
}
