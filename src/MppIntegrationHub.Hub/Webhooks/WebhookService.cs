using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Hub.Auth;
using MppIntegrationHub.Hub.Store;

namespace MppIntegrationHub.Hub.Webhooks;

/// <summary>Subscriptions (a client only ever sees its own) and the queue of deliveries.</summary>
public sealed class WebhookService(
    IDbContextFactory<HubApiDbContext> contexts,
    IOptions<WebhookOptions> options,
    IOptions<HubClientOptions> clients,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    WebhookSignal signal,
    WebhookAddressGuard addresses,
    WebhookSecrets secrets,
    TimeProvider clock)
{
    public const string StatusChanged = "application.status-changed";

    /// <summary>Field errors of a subscription URL, empty when it is acceptable.</summary>
    public Dictionary<string, string[]> Validate(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Url;
        var ok = url.IsAbsoluteUri && url.UserInfo.Length == 0 && url.AbsoluteUri.Length <= 500
            && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback && clients.Value.AllowHttp));
        if (!ok)
        {
            return new() { ["url"] = ["An absolute https URL without credentials, at most 500 characters."] };
        }

        return addresses.IsForbiddenLiteral(url)
            ? new() { ["url"] = ["The URL points at a loopback, private or link-local address; the hub delivers only to public addresses."] }
            : [];
    }

    /// <summary>Creates a subscription with a fresh secret; null when the client already holds the maximum.</summary>
    public async Task<Webhook?> CreateAsync(string clientId, WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookSubscriptions.CountAsync(w => w.ClientId == clientId, cancellationToken) >= options.Value.MaxSubscriptionsPerClient)
        {
            return null;
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ClientId = clientId,
            Url = request.Url.AbsoluteUri,
            ProtectedSecret = secrets.Protect(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new Webhook(subscription.Id, new Uri(subscription.Url), subscription.CreatedAt, secret);
    }

    public async Task<IReadOnlyList<Webhook>> ListAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.WebhookSubscriptions.AsNoTracking().Where(w => w.ClientId == clientId).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(w => w.Id).Select(w => new Webhook(w.Id, new Uri(w.Url), w.CreatedAt))];
    }

    public async Task<Webhook?> FindAsync(string clientId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var w = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id && w.ClientId == clientId, cancellationToken);
        return w is null ? null : new Webhook(w.Id, new Uri(w.Url), w.CreatedAt);
    }

    /// <summary>Deletes the client's own subscription and its pending deliveries; false when it has none with that id.</summary>
    public async Task<bool> DeleteAsync(string clientId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deleted = await db.WebhookSubscriptions.Where(w => w.Id == id && w.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            await db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.Status == WebhookDeliveryStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Failed), cancellationToken);
        }

        return deleted > 0;
    }

    /// <summary>The latest deliveries of the client's own subscription with every attempt; null when it has none with that id.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryView>?> DeliveriesAsync(string clientId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.WebhookSubscriptions.AnyAsync(w => w.Id == id && w.ClientId == clientId, cancellationToken))
        {
            return null;
        }

        var deliveries = await db.WebhookDeliveries.AsNoTracking().Include(d => d.AttemptLog)
            .Where(d => d.SubscriptionId == id).OrderByDescending(d => d.Id).Take(100).ToListAsync(cancellationToken);
        return [.. deliveries.Select(d => new WebhookDeliveryView(d.Id, d.EventType, d.Status, d.Attempts, d.CreatedAt,
            [.. d.AttemptLog.OrderBy(a => a.Number).Select(a => new WebhookAttemptView(a.Number, a.AttemptedAt, a.DurationMs, a.StatusCode, a.Error))]))];
    }

    /// <summary>Queues the event for every subscription of the application's client.</summary>
    public async Task EnqueueAsync(ApplicationStatusChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(w => w.ClientId == change.ClientId).Select(w => w.Id).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var subscription in subscriptions)
        {
            var id = Guid.CreateVersion7(now);
            var payload = new WebhookEvent(id, StatusChanged, change.OccurredAt,
                new ApplicationEventData(change.ApplicationId, change.ServiceCode, change.Status, change.Reason));
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = id,
                SubscriptionId = subscription,
                EventType = StatusChanged,
                Payload = JsonSerializer.Serialize(payload, json.Value.SerializerOptions),
                Status = WebhookDeliveryStatus.Pending,
                DueAtTicks = now.UtcTicks,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
    }
}

/// <summary>Wakes the dispatcher when deliveries are queued in this process.</summary>
public sealed class WebhookSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Wake()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try
            {
                _semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
