namespace MppIntegrationHub.Contracts.Consents;

/// <summary>Why citizen data is read; every read names one, and consent and client scope must cover it.</summary>
public enum DataPurpose
{
    /// <summary>Confirm who the citizen is.</summary>
    IdentityVerification,

    /// <summary>Fill in a service application from the once-only profile.</summary>
    ServiceApplication,

    /// <summary>Health services and referrals.</summary>
    HealthCare,

    /// <summary>Police clearance certificate (SKCK).</summary>
    PoliceClearance,

    /// <summary>Driving licence (SIM) services.</summary>
    DrivingLicence,

    /// <summary>Passport services.</summary>
    Passport,

    /// <summary>Population documents (e-KTP, KK).</summary>
    PopulationDocument,
}
