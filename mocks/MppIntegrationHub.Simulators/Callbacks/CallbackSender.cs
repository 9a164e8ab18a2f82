using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;

namespace MppIntegrationHub.Simulators.Callbacks;

/// <summary>
/// Posts status changes to <c>{hub}/api/v1/agency-callbacks/{agency}</c>, signed
/// <c>X-Agency-Signature: sha256=&lt;hex HMAC-SHA256&gt;</c>, one at a time in the order they happened.
/// </summary>
internal sealed class CallbackSender : IAsyncDisposable
{
    private readonly Uri? _hub;
    private readonly IReadOnlyDictionary<string, string> _secrets;
    private readonly Channel<(string Agency, string Body)> _queue = Channel.CreateUnbounded<(string, string)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpClient _http;
    private readonly Task _pump;
    private int _delivered;
    private int _failed;

    public CallbackSender(Uri? hub, IReadOnlyDictionary<string, string> secrets)
    {
        _hub = hub;
        _secrets = secrets;
        // The simulator is not a hub component with an HttpClientFactory; one client for its lifetime is enough.
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        _pump = hub is null ? Task.CompletedTask : Task.Run(PumpAsync);
    }

    public int Delivered => Volatile.Read(ref _delivered);

    public int Failed => Volatile.Read(ref _failed);

    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public void Enqueue(string agency, string body)
    {
        if (_hub is not null)
        {
            _queue.Writer.TryWrite((agency, body));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump;
        _http.Dispose();
    }

    private async Task PumpAsync()
    {
        await foreach (var (agency, body) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_hub!, $"api/v1/agency-callbacks/{agency}"))
                {
                    Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
                };
                request.Headers.Add("X-Agency-Signature", Sign(body, _secrets.GetValueOrDefault(agency, string.Empty)));
                using var response = await _http.SendAsync(request);
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref _delivered : ref _failed);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _failed);
            }
            catch (TaskCanceledException)
            {
                Interlocked.Increment(ref _failed);
            }
        }
    }
}
