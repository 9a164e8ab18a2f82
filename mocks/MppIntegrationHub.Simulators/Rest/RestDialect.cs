using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MppIntegrationHub.Simulators.Faults;

namespace MppIntegrationHub.Simulators.Rest;

/// <summary>Injected failures of the designed REST APIs, in their <c>{"kode","pesan"}</c> shape.</summary>
internal sealed class RestDialect : IAgencyDialect
{
    public static RestDialect Instance { get; } = new();

    public Task WriteErrorAsync(HttpContext context, int statusCode) =>
        WriteAsync(context, statusCode, statusCode >= 500 ? "LAYANAN_TIDAK_TERSEDIA" : "PERMINTAAN_DITOLAK", "Gangguan layanan (simulasi)");

    public Task WriteQuotaExhaustedAsync(HttpContext context) =>
        WriteAsync(context, 429, "BATAS_PERMINTAAN", "Kuota permintaan habis");

    private static Task WriteAsync(HttpContext context, int statusCode, string code, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { kode = code, pesan = message }));
    }
}
