using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MppIntegrationHub.Hub.Tests.Support;

/// <summary>A portal's webhook endpoint on a loopback port: records every request, answers 500 to the first <c>failures</c>.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _remainingFailures;

    private WebhookReceiver(WebApplication app, int failures)
    {
        _app = app;
        _remainingFailures = failures;
    }

    public ConcurrentQueue<(string Body, string? Signature, int Answered)> Received { get; } = new();

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks");

    public static async Task<WebhookReceiver> StartAsync(int failures = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failures);
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Decrement(ref receiver._remainingFailures) >= 0 ? 500 : 204;
            receiver.Received.Enqueue((body, request.Headers["X-Hub-Signature"].ToString(), status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until a received request matches, polling the queue; fails after the timeout.</summary>
    public async Task<(string Body, string? Signature, int Answered)> WaitForAsync(Func<string, bool> match, int answered, TimeSpan timeout, Action? poke = null)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var hit = Received.FirstOrDefault(r => r.Answered == answered && match(r.Body));
            if (hit.Body is not null)
            {
                return hit;
            }

            poke?.Invoke();
            await Task.Delay(50, cts.Token);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
