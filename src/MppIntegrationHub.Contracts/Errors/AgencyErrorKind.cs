namespace MppIntegrationHub.Contracts.Errors;

/// <summary>What an agency failure means for the caller; decides retry, pause or refusal.</summary>
public enum AgencyErrorKind
{
    /// <summary>Worth retrying: timeouts, 5xx, 429, open breaker, connection failures.</summary>
    Transient,

    /// <summary>Will not succeed on retry: the agency refused for good (e.g. deceased, record found).</summary>
    Permanent,

    /// <summary>The agency has no such record (e.g. Dukcapil code 13).</summary>
    NotFound,

    /// <summary>The hub sent something the agency rejects; a bug or bad input, not worth retrying.</summary>
    InvalidRequest,

    /// <summary>The hub's credentials were refused.</summary>
    Unauthorized,

    /// <summary>The hub's quota at the agency is used up (e.g. Dukcapil code 05); retry after it resets.</summary>
    QuotaExhausted,
}
