namespace MppIntegrationHub.Hub.Webhooks;

/// <summary>A portal's subscription to its applications' events, with the secret its deliveries are signed with (encrypted, see <see cref="WebhookSecrets"/>).</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }

    public required string ClientId { get; set; }

    public required string Url { get; set; }

    public required string ProtectedSecret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One event to deliver to one subscription, retried with backoff until the portal answers 2xx or attempts run out.</summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }

    public Guid SubscriptionId { get; set; }

    public required string EventType { get; set; }

    public required string Payload { get; set; }

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the next attempt is due, as UTC ticks (orderable on every engine).</summary>
    public long DueAtTicks { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<WebhookAttempt> AttemptLog { get; init; } = [];
}

/// <summary>One HTTP attempt of a delivery and what the portal answered.</summary>
public sealed class WebhookAttempt
{
    public Guid Id { get; set; }

    public Guid DeliveryId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset AttemptedAt { get; set; }

    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public int DurationMs { get; set; }
}

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}
