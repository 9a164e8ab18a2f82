using System.Collections.Frozen;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Health;
using MppIntegrationHub.Contracts.Verification;

namespace MppIntegrationHub.Contracts.Capabilities;

/// <summary>The capabilities of the canonical model. Declarative adapters may register further names.</summary>
public static class CanonicalCapabilities
{
    public static readonly Capability<IdentityVerificationRequest, IdentityVerificationResult> IdentityVerify =
        new("identity.verify", "Element-wise check of identity data against the population registry.");

    public static readonly Capability<FaceMatchRequest, FaceMatchResult> FaceMatch =
        new("biometric.face.match", "Similarity of a face photo to the registry's reference photo.");

    public static readonly Capability<CitizenQuery, CitizenProfile> PopulationProfile =
        new("population.profile", "The once-only citizen profile from the population registry.");

    public static readonly Capability<KtpReplacementRequest, AgencyCase> PopulationDocumentRequest =
        new("population.document.request", "Request a replacement e-KTP.", HasAgencyEffect: true);

    public static readonly Capability<AgencyCaseQuery, AgencyCase> PopulationDocumentStatus =
        new("population.document.status", "Status of an e-KTP replacement.");

    public static readonly Capability<CitizenQuery, HealthSummary> HealthSummary =
        new("health.summary", "Conditions, immunizations, allergies, observations and encounters from SATUSEHAT.");

    public static readonly Capability<PoliceClearanceRequest, AgencyCase> PoliceClearanceSubmit =
        new("police.clearance.submit", "Submit an SKCK application to Polri.", HasAgencyEffect: true);

    public static readonly Capability<AgencyCaseQuery, AgencyCase> PoliceClearanceStatus =
        new("police.clearance.status", "Status of an SKCK application.");

    public static readonly Capability<DrivingLicenceQuery, LicenceRenewalEligibility> DrivingLicenceEligibility =
        new("driving.licence.eligibility", "A citizen's licence of a class and whether it can be renewed online now.");

    public static readonly Capability<CitizenQuery, LicenceTestResult> DrivingHealthResult =
        new("driving.health.result", "The citizen's latest e-Rikkes health certificate.");

    public static readonly Capability<CitizenQuery, LicenceTestResult> DrivingPsychologyResult =
        new("driving.psychology.result", "The citizen's latest e-PPsi psychology test result.");

    public static readonly Capability<LicenceRenewalRequest, AgencyCase> DrivingLicenceRenew =
        new("driving.licence.renew", "Submit a SIM renewal to Korlantas.", HasAgencyEffect: true);

    public static readonly Capability<AgencyCaseQuery, AgencyCase> DrivingLicenceStatus =
        new("driving.licence.status", "Status of a SIM renewal.");

    public static readonly Capability<PassportAppointmentRequest, PassportAppointment> PassportAppointmentBook =
        new("passport.appointment.book", "Book an interview slot from an immigration office's quota.", HasAgencyEffect: true);

    public static readonly Capability<PassportAppointmentCancellation, AgencyCase> PassportAppointmentCancel =
        new("passport.appointment.cancel", "Release a booked interview slot.", HasAgencyEffect: true);

    public static readonly Capability<PassportApplicationRequest, AgencyCase> PassportApplicationSubmit =
        new("passport.application.submit", "Submit a passport application to Imigrasi.", HasAgencyEffect: true);

    public static readonly Capability<AgencyCaseQuery, AgencyCase> PassportApplicationStatus =
        new("passport.application.status", "Status of a passport application.");

    public static readonly Capability<BillingRequest, Billing> BillingCreate =
        new("payment.billing.create", "Create a PNBP billing code.", HasAgencyEffect: true);

    public static readonly Capability<BillingQuery, Billing> BillingStatus =
        new("payment.billing.status", "Whether a billing code has been paid, with its NTPN.");

    public static readonly FrozenDictionary<string, CapabilityDescriptor> ByName = new CapabilityDescriptor[]
    {
        IdentityVerify, FaceMatch, PopulationProfile, PopulationDocumentRequest, PopulationDocumentStatus,
        HealthSummary, PoliceClearanceSubmit, PoliceClearanceStatus, DrivingLicenceEligibility, DrivingHealthResult,
        DrivingPsychologyResult, DrivingLicenceRenew, DrivingLicenceStatus, PassportAppointmentBook,
        PassportAppointmentCancel, PassportApplicationSubmit, PassportApplicationStatus, BillingCreate, BillingStatus,
    }.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
}
