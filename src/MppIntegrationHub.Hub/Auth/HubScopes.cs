using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Services;

namespace MppIntegrationHub.Hub.Auth;

/// <summary>OAuth2 scopes of the unified API: per operation, per data category and per service.</summary>
public static class HubScopes
{
    public const string IdentityVerify = "identity.verify";
    public const string Consents = "consents";
    public const string Applications = "applications";
    public const string Webhooks = "webhooks";
    public const string AccessLog = "access-log.read";
    public const string Audit = "audit.read";

    /// <summary>Registering and managing the agency's own declarative adapters.</summary>
    public const string AdaptersAdmin = "hub.adapters.admin";

    /// <summary>Hub operators: every client's applications, retry and cancel, agencies and their retry kill switch.</summary>
    public const string Operator = "hub.operator";

    /// <summary>Every scope a client may be granted.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        IdentityVerify, Consents, Applications, Webhooks, AccessLog, Audit, AdaptersAdmin, Operator,
        .. Enum.GetValues<DataCategory>().Select(ForCategory),
        .. new[] { ServiceCodes.SkckNew, ServiceCodes.SimRenewal, ServiceCodes.PasporNew, ServiceCodes.KtpReplacement }.Select(ForService),
    ];

    /// <summary>Reading a data category, e.g. <c>data.health</c>.</summary>
    public static string ForCategory(DataCategory category) => $"data.{category.ToString().ToLowerInvariant()}";

    /// <summary>Submitting a service, e.g. <c>service:SKCK_NEW</c>.</summary>
    public static string ForService(string serviceCode) => $"service:{serviceCode}";

    /// <summary>Name of the authorization policy that requires <paramref name="scope"/>.</summary>
    public static string Policy(string scope) => $"scope:{scope}";
}
