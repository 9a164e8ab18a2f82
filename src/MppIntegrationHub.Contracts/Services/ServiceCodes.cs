namespace MppIntegrationHub.Contracts.Services;

/// <summary>Codes of the services in catalogue v1; workflow definitions may add more.</summary>
public static class ServiceCodes
{
    public const string SkckNew = "SKCK_NEW";
    public const string SimRenewal = "SIM_RENEWAL";
    public const string PasporNew = "PASPOR_NEW";
    public const string KtpReplacement = "KTP_REPLACEMENT";

    /// <summary>Shape every service code has: upper-case words joined by underscores.</summary>
    public const string Pattern = "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$";
}
