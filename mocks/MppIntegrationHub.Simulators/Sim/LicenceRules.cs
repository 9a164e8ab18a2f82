using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Simulators.Sim;

/// <summary>Korlantas renewal rules: online renewal for A and C only, inside 90 days before expiry, never once expired.</summary>
internal static class LicenceRules
{
    public const int WindowDays = AgencyRecords.RenewalWindowDays;

    public static string Code(LicenceClass licenceClass) => licenceClass switch
    {
        LicenceClass.AUmum => "A_UMUM",
        LicenceClass.BIUmum => "BI_UMUM",
        LicenceClass.BIIUmum => "BII_UMUM",
        _ => licenceClass.ToString().ToUpperInvariant(),
    };

    public static long Fee(LicenceClass licenceClass) => licenceClass == LicenceClass.A ? 80_000 : 75_000;

    /// <summary>Null when renewable today, otherwise the refusal code.</summary>
    public static string? Refusal(LicenceRecord licence, DateOnly today) =>
        licence.Class is not (LicenceClass.A or LicenceClass.C) ? "GOLONGAN_TIDAK_DIDUKUNG"
        : today > licence.ExpiresOn ? "SIM_KEDALUWARSA"
        : today < WindowStart(licence) ? "BELUM_MASUK_JENDELA"
        : null;

    public static DateOnly WindowStart(LicenceRecord licence) => licence.ExpiresOn.AddDays(-WindowDays);
}
