using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Hub.Store;

namespace MppIntegrationHub.Hub.Webhooks;

/// <summary>Delivers due webhook events, signed with the subscription's secret, retrying with exponential backoff and logging every attempt.</summary>
public sealed partial class WebhookDispatcher(
    IDbContextFactory<HubApiDbContext> contexts,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    WebhookSignal signal,
    WebhookSecrets secrets,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    public const string SignatureHeader = "X-Hub-Signature";
    public const string EventHeader = "X-Hub-Event";
    public const string DeliveryHeader = "X-Hub-Delivery";
    private const int Batch = 32;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DeliverDueAsync(stoppingToken);
                if (sent < Batch)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
            {
                LogDispatchFailed(logger, exception);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Attempts every delivery that is due now; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.WebhookDeliveries
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.DueAtTicks <= now)
            .OrderBy(d => d.DueAtTicks).Take(Batch)
            .Join(db.WebhookSubscriptions, d => d.SubscriptionId, s => s.Id, (d, s) => new { Delivery = d, s.Url, s.ProtectedSecret })
            .ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            await AttemptAsync(db, item.Delivery, item.Url, secrets.Unprotect(item.ProtectedSecret), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    private async Task AttemptAsync(HubApiDbContext db, WebhookDelivery delivery, string url, string secret, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = clock.GetTimestamp();
        int? status = null;
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.AttemptTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url))
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Add(SignatureHeader, Sign(secret, delivery.Payload));
            request.Headers.Add(EventHeader, delivery.EventType);
            request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = exception is OperationCanceledException ? "timeout" : "connection failed";
        }

        delivery.Attempts++;
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            DeliveryId = delivery.Id,
            Number = delivery.Attempts,
            AttemptedAt = clock.GetUtcNow(),
            StatusCode = status,
            Error = error,
            DurationMs = (int)clock.GetElapsedTime(started).TotalMilliseconds,
        });
        if (status is >= 200 and < 300)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
        }
        else if (delivery.Attempts >= settings.MaxAttempts)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
        }
        else
        {
            delivery.DueAtTicks = (clock.GetUtcNow() + Backoff(delivery.Attempts, settings)).UtcTicks;
        }
    }

    /// <summary><c>sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>, the same scheme agencies use towards the hub.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>Exponential backoff with ±20 % jitter so many failing portals do not retry in lockstep.</summary>
    public static TimeSpan Backoff(int attempts, WebhookOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var exponential = settings.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = exponential < settings.MaxRetryDelay ? exponential : settings.MaxRetryDelay;
        var jitter = 0.8 + (RandomNumberGenerator.GetInt32(0, 401) / 1000.0);
        return capped * jitter;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook dispatch round failed; retrying after the poll interval")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
