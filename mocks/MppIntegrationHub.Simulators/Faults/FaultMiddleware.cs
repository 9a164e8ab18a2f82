using System.Globalization;
using Microsoft.AspNetCore.Http;
using MppIntegrationHub.Simulators.Hosting;

namespace MppIntegrationHub.Simulators.Faults;

/// <summary>
/// Runs in front of WireMock on every agency server: serves the simulator admin endpoints, counts requests and
/// applies the agency's faults, so static JSON mappings and coded behaviour fail alike.
/// </summary>
internal sealed class FaultMiddleware(AgencySimulator agency, IAgencyDialect dialect)
{
    /// <summary>A request that is never answered is dropped after this long if the caller has not given up first.</summary>
    private static readonly TimeSpan MaxHang = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/__admin", StringComparison.Ordinal))
        {
            if (!await AdminEndpoints.TryHandleAsync(context, agency))
            {
                await next(context);
            }

            return;
        }

        agency.Requests.Record(context.Request.Method, path);
        var decision = agency.Faults.Decide();
        if (decision.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(decision.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The caller gave up during the injected latency: nobody is left to answer.
                return;
            }
        }

        switch (decision.Kind)
        {
            case FaultKind.Outage:
                context.Abort();
                return;
            case FaultKind.Status:
                if (decision is { StatusCode: 429 or 503, RetryAfter: { } retryAfter })
                {
                    context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await dialect.WriteErrorAsync(context, decision.StatusCode);
                return;
            case FaultKind.QuotaExhausted:
                await dialect.WriteQuotaExhaustedAsync(context);
                return;
            case FaultKind.NoAnswer:
                await HangAsync(context);
                return;
            case FaultKind.Malformed or FaultKind.Truncated:
                await DamageAsync(context, next, decision.Kind);
                return;
            default:
                await next(context);
                return;
        }
    }

    private static async Task HangAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(MaxHang, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The caller timed out, which is the point.
        }

        context.Abort();
    }

    private static async Task DamageAsync(HttpContext context, RequestDelegate next, FaultKind kind)
    {
        var original = context.Response.Body;
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            body = buffer.ToArray();
        }

        var half = body.Length < 2 ? "{"u8.ToArray() : body[..(body.Length / 2)];
        context.Response.ContentLength = kind == FaultKind.Truncated ? Math.Max(body.Length, half.Length + 1) : half.Length;
        await original.WriteAsync(half, context.RequestAborted);
        if (kind == FaultKind.Truncated)
        {
            await original.FlushAsync(context.RequestAborted);
            context.Abort();
        }
    }
}
