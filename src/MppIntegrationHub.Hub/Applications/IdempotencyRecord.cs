namespace MppIntegrationHub.Hub.Applications;

/// <summary>A client's <c>Idempotency-Key</c>, the hash of the body first sent with it, and the application it created.</summary>
public sealed class IdempotencyRecord
{
    public required string ClientId { get; set; }

    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    /// <summary>Null while the first request with the key is still being accepted.</summary>
    public Guid? ApplicationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
