using System.ComponentModel;

namespace MppIntegrationHub.Hub.Webhooks;

[Description("Subscribe a portal endpoint to its applications' events.")]
public sealed record WebhookRequest
{
    [Description("Absolute https URL the hub POSTs events to (http only to loopback in development).")]
    public required Uri Url { get; init; }
}

[Description("A webhook subscription. The secret is shown only when it is created: verify X-Hub-Signature (sha256=<hex HMAC-SHA256 of the body>) with it.")]
public sealed record Webhook(Guid Id, Uri Url, DateTimeOffset CreatedAt, string? Secret = null);

[Description("An event delivery with its attempts.")]
public sealed record WebhookDeliveryView(
    Guid Id,
    string EventType,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    IReadOnlyList<WebhookAttemptView> AttemptLog);

[Description("One HTTP attempt: when, the portal's status code or the transport error, and how long it took.")]
public sealed record WebhookAttemptView(int Number, DateTimeOffset AttemptedAt, int DurationMs, int? StatusCode = null, string? Error = null);

[Description("The body the hub POSTs to a webhook.")]
public sealed record WebhookEvent(
    [property: Description("Delivery id, also in X-Hub-Delivery; the same on every retry of this event.")] Guid Id,
    [property: Description("Event type, e.g. application.status-changed.")] string Type,
    DateTimeOffset OccurredAt,
    ApplicationEventData Data);

[Description("The application the event is about.")]
public sealed record ApplicationEventData(Guid ApplicationId, string ServiceCode, Contracts.Applications.ApplicationStatus Status, string? Reason = null);
