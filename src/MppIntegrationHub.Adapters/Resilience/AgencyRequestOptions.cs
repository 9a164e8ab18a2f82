namespace MppIntegrationHub.Adapters.Resilience;

/// <summary>Request options the agency pipeline reads.</summary>
public static class AgencyRequestOptions
{
    /// <summary>Header carrying the idempotency key an agency honours for writes.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// Name of the option marking a POST that only reads (Dukcapil's element verification): safe to retry without an
    /// idempotency key.
    /// </summary>
    public const string ReadOnlyName = "mpp.read-only";

    public static readonly HttpRequestOptionsKey<bool> ReadOnly = new(ReadOnlyName);

    /// <summary>
    /// Whether another attempt cannot repeat an agency effect: safe methods, requests marked read-only, and writes
    /// carrying an idempotency key. A POST without a key is never retried.
    /// </summary>
    public static bool IsSafeToRetry(HttpRequestMessage? request) => request switch
    {
        null => false,
        { Method.Method: "GET" or "HEAD" or "OPTIONS" } => true,
        _ when request.Headers.Contains(IdempotencyKeyHeader) => true,
        _ => request.Options.TryGetValue(ReadOnly, out var readOnly) && readOnly,
    };
}
