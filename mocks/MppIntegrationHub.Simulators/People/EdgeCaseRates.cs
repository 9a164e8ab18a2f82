namespace MppIntegrationHub.Simulators.People;

/// <summary>The rates at which generated (non-persona) citizens carry each edge case; documented in mocks/README.md.</summary>
public static class EdgeCaseRates
{
    public const double Deceased = 0.010;
    public const double Duplicate = 0.005;
    public const double Inactive = 0.010;
    public const double NotRegistered = 0.005;

    /// <summary>Share of adults with a police record.</summary>
    public const double PoliceRecord = 0.03;

    /// <summary>Share of people aged 17+ holding at least one licence.</summary>
    public const double LicenceHolder = 0.45;

    /// <summary>Share of licence holders with e-Rikkes and e-PPsi results on file.</summary>
    public const double LicenceTests = 0.30;

    /// <summary>Share of adults holding a passport.</summary>
    public const double PassportHolder = 0.10;

    /// <summary>Share of people SATUSEHAT knows.</summary>
    public const double HealthRecord = 0.85;
}
