using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Services;

namespace MppIntegrationHub.Hub.Applications;

/// <summary>The purpose a service application reads citizen data for; the application's consent must cover it.</summary>
public static class ServicePurposes
{
    public static DataPurpose For(string serviceCode) => serviceCode switch
    {
        ServiceCodes.SkckNew => DataPurpose.PoliceClearance,
        ServiceCodes.SimRenewal => DataPurpose.DrivingLicence,
        ServiceCodes.PasporNew => DataPurpose.Passport,
        ServiceCodes.KtpReplacement => DataPurpose.PopulationDocument,
        _ => DataPurpose.ServiceApplication,
    };
}
