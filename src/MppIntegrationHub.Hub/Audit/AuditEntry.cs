using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Hub.Audit;

/// <summary>What a feature reports to the audit trail; the trail adds time, sequence and hashes.</summary>
public sealed record AuditEntry(
    string ClientId,
    string Action,
    DataPurpose? Purpose,
    Nik? Nik,
    IReadOnlyCollection<string> Fields,
    string? Resource = null);

/// <summary>Names of audited actions.</summary>
public static class AuditActions
{
    public const string IdentityVerified = "identity.verify";
    public const string ProfileRead = "citizen.profile.read";
    public const string HealthSummaryRead = "citizen.health-summary.read";
    public const string ConsentRecorded = "consent.record";
    public const string ConsentRevoked = "consent.revoke";
    public const string ApplicationSubmitted = "application.submit";
    public const string ApplicationRead = "application.read";
    public const string ApplicationCancelled = "application.cancel";
    public const string AgencyCallback = "agency.callback";
    public const string CapabilityRead = "citizen.capability.read";
    public const string OperatorApplicationRead = "operator.application.read";
    public const string OperatorRetry = "operator.application.retry";
    public const string OperatorCancel = "operator.application.cancel";
    public const string OperatorRetriesStopped = "operator.agency.retries.stop";
    public const string OperatorRetriesResumed = "operator.agency.retries.resume";
}
