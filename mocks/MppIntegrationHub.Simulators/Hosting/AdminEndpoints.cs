using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MppIntegrationHub.Simulators.Faults;

namespace MppIntegrationHub.Simulators.Hosting;

/// <summary>
/// The simulator's own admin endpoints on every agency server (WireMock's own admin API stays under the same
/// <c>/__admin</c> root): <c>faults</c>, <c>counters</c> and <c>cases</c>.
/// </summary>
internal static class AdminEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<bool> TryHandleAsync(HttpContext context, AgencySimulator agency)
    {
        var path = context.Request.Path.Value!;
        var method = context.Request.Method;
        switch (path.TrimEnd('/'))
        {
            case "/__admin/faults" when method == HttpMethods.Get:
                await WriteFaultsAsync(context, agency);
                return true;
            case "/__admin/faults" when method is "PUT" or "POST":
                agency.Faults.Set(await ReadAsync<FaultProfile>(context) ?? FaultProfile.None);
                await WriteFaultsAsync(context, agency);
                return true;
            case "/__admin/faults" when method == HttpMethods.Delete:
                agency.Faults.Clear();
                await WriteFaultsAsync(context, agency);
                return true;
            case "/__admin/faults/fail-next" when method == HttpMethods.Post:
                var script = await ReadAsync<FailNextRequest>(context) ?? new FailNextRequest(1, 503);
                agency.Faults.FailNext(script.Count, script.StatusCode);
                await WriteFaultsAsync(context, agency);
                return true;
            case "/__admin/faults/quota" when method is "PUT" or "POST":
                agency.Faults.SetQuota((await ReadAsync<QuotaRequest>(context))?.Remaining);
                await WriteFaultsAsync(context, agency);
                return true;
            case "/__admin/counters" when method == HttpMethods.Get:
                await WriteAsync(context, 200, Counters(agency));
                return true;
            case "/__admin/counters" when method == HttpMethods.Delete:
                agency.Requests.Reset();
                agency.Writes.Reset();
                await WriteAsync(context, 200, Counters(agency));
                return true;
            case "/__admin/cases" when method == HttpMethods.Get && agency.CaseBook is { } book:
                await WriteAsync(context, 200, book.Statuses());
                return true;
            default:
                return await TryAdvanceCaseAsync(context, agency, path);
        }
    }

    private static async Task<bool> TryAdvanceCaseAsync(HttpContext context, AgencySimulator agency, string path)
    {
        const string prefix = "/__admin/cases/";
        const string suffix = "/advance";
        if (agency.CaseBook is not { } book || context.Request.Method != HttpMethods.Post
            || !path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var reference = Uri.UnescapeDataString(path[prefix.Length..^suffix.Length]);
        if (book.Advance(reference) is { } body)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(body);
        }
        else
        {
            await WriteAsync(context, 404, new { error = $"No case {reference} at {agency.Agency}." });
        }

        return true;
    }

    private static object Counters(AgencySimulator agency) => new
    {
        agency = agency.Agency,
        totalRequests = agency.Requests.Total,
        requests = agency.Requests.Snapshot(),
        acceptedWrites = agency.Writes.Accepted,
        duplicateWrites = agency.Writes.Duplicates,
    };

    private static Task WriteFaultsAsync(HttpContext context, AgencySimulator agency) => WriteAsync(context, 200, new
    {
        agency = agency.Agency,
        profile = agency.Faults.Profile,
        quotaRemaining = agency.Faults.QuotaRemaining,
        scriptedFailuresLeft = agency.Faults.ScriptedFailuresLeft,
    });

    private static async Task<T?> ReadAsync<T>(HttpContext context) =>
        context.Request.ContentLength is 0 ? default : await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted);

    private static async Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }

    private sealed record FailNextRequest(int Count, int StatusCode);

    private sealed record QuotaRequest(long? Remaining);
}
