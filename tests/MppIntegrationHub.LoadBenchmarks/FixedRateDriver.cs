using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace MppIntegrationHub.LoadBenchmarks;

/// <summary>
/// Open-loop latency driver: requests are scheduled at a fixed rate whatever the server does, and each latency is
/// measured from the request's scheduled start, so a stall shows in every request it delays (no coordinated omission).
/// </summary>
internal static class FixedRateDriver
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var url = new Uri(args.Text("url"));
        var rate = args.Number("rate");
        var seconds = args.Number("seconds");
        var warmup = args.Number("warmup-seconds", 5);
        var body = args.OptionalText("body") is { } file ? await File.ReadAllBytesAsync(file) : null;
        var token = args.OptionalText("token");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

        Console.Error.WriteLine($"fixed-rate {rate}/s: warm-up {warmup} s, then {seconds} s measured against {url}");
        await RunPhaseAsync(http, url, body, token, rate, warmup, report: null);
        var latencies = new List<double>(rate * seconds);
        var failures = await RunPhaseAsync(http, url, body, token, rate, seconds, latencies);
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests={latencies.Count + failures} failures={failures} p50_ms={Percentile(latencies, 0.50):F3} p90_ms={Percentile(latencies, 0.90):F3} p99_ms={Percentile(latencies, 0.99):F3} max_ms={latencies[^1]:F3}"));
        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> RunPhaseAsync(HttpClient http, Uri url, byte[]? body, string? token, int rate, int seconds, List<double>? report)
    {
        var total = rate * seconds;
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp();
        var pending = new List<Task<(double Ms, bool Ok)>>(total);
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * interval);
            while (Stopwatch.GetTimestamp() is var now && now < due)
            {
                var wait = Stopwatch.GetElapsedTime(now, due);
                if (wait > TimeSpan.FromMilliseconds(2))
                {
                    await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
                }
                else
                {
                    Thread.SpinWait(20);
                }
            }

            pending.Add(SendAsync(http, url, body, token, due));
            if (report is not null && i % rate == 0 && i > 0)
            {
                Console.Error.Write($"\r  {i / rate} s / {seconds} s");
            }
        }

        var results = await Task.WhenAll(pending);
        if (report is not null)
        {
            Console.Error.WriteLine();
        }

        var failures = 0;
        foreach (var (ms, ok) in results)
        {
            if (ok)
            {
                report?.Add(ms);
            }
            else
            {
                failures++;
            }
        }

        return failures;
    }

    private static async Task<(double Ms, bool Ok)> SendAsync(HttpClient http, Uri url, byte[]? body, string? token, long due)
    {
        // A body makes a JSON POST; without one the driver GETs.
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(request);
            await response.Content.CopyToAsync(Stream.Null);
            return (Stopwatch.GetElapsedTime(due).TotalMilliseconds, response.IsSuccessStatusCode);
        }
        catch (HttpRequestException)
        {
            return (Stopwatch.GetElapsedTime(due).TotalMilliseconds, false);
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
