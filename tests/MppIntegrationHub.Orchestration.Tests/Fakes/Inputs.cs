namespace MppIntegrationHub.Orchestration.Tests.Fakes;

/// <summary>Valid answers for each service of catalogue v1.</summary>
internal static class Inputs
{
    public static Dictionary<string, object> Skck() => new()
    {
        ["fullName"] = "SITI RAHAYU", ["purpose"] = "Job application", ["officeLevel"] = "polres", ["officeRegion"] = "3273",
    };

    public static Dictionary<string, object> Sim(string licenceClass = "a") => new()
    {
        ["fullName"] = "SITI RAHAYU", ["licenceClass"] = licenceClass,
    };

    public static Dictionary<string, object> Paspor(string kind = "ordinary") => new()
    {
        ["fullName"] = "SITI RAHAYU", ["officeCode"] = "KANIM-BDG", ["preferredDate"] = "2026-11-30", ["passportKind"] = kind,
    };

    public static Dictionary<string, object> Ktp() => new()
    {
        ["fullName"] = "SITI RAHAYU", ["reason"] = "damaged", ["pickupRegion"] = "3273",
    };
}
