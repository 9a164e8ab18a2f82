using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MppIntegrationHub.Simulators.Tests;

/// <summary>A tiny loopback hub that records agency callbacks whose HMAC signature verifies.</summary>
public sealed class CallbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Agency, JsonElement Body)> _received = new();

    public CallbackReceiver()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    public int BadSignatures { get; private set; }

    public async Task<JsonElement> WaitForStatusAsync(string agency, string reference, string status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!timeout.IsCancellationRequested)
        {
            foreach (var (from, body) in _received)
            {
                if (from == agency && body.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == reference)
                    && body.GetProperty("status").GetString() == status)
                {
                    return body;
                }
            }

            await Task.Delay(20, CancellationToken.None);
        }

        throw new TimeoutException($"No {status} callback for {reference} from {agency}.");
    }

    public void Dispose() => _listener.Close();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var agency = context.Request.Url!.Segments[^1];
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(
                Encoding.UTF8.GetBytes(AgencyIds.DefaultCallbackSecrets[agency]), Encoding.UTF8.GetBytes(body)));
            if (context.Request.Headers["X-Agency-Signature"] == expected)
            {
                _received.Enqueue((agency, JsonDocument.Parse(body).RootElement.Clone()));
                context.Response.StatusCode = 204;
            }
            else
            {
                BadSignatures++;
                context.Response.StatusCode = 401;
            }

            context.Response.Close();
        }
    }
}
