using System.ComponentModel;

namespace MppIntegrationHub.Contracts.Errors;

[Description("An agency failure normalised to one shape. The message is the hub's own words, never the agency's body.")]
public sealed record AgencyError
{
    [Description("Agency id, e.g. dukcapil, satusehat.")]
    public required string Agency { get; init; }

    public required AgencyErrorKind Kind { get; init; }

    [Description("Stable machine code, e.g. dukcapil.deceased, http.503, timeout, breaker-open.")]
    public required string Code { get; init; }

    [Description("Safe explanation fit for a portal user.")]
    public required string Message { get; init; }

    [Description("When the agency may be tried again, if it said or the hub knows.")]
    public TimeSpan? RetryAfter { get; init; }

    public bool IsRetryable => Kind is AgencyErrorKind.Transient or AgencyErrorKind.QuotaExhausted;
}
