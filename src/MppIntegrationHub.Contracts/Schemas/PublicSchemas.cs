using System.Text.Json;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Citizens;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Health;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Messages;
using MppIntegrationHub.Contracts.Regions;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Contracts.Verification;

namespace MppIntegrationHub.Contracts.Schemas;

/// <summary>Every shape published under schemas/v1, each with an example (all sample values are invented).</summary>
public static class PublicSchemas
{
    private static readonly DateOnly SampleToday = new(2026, 11, 23);
    private static readonly Nik SampleNik = Nik.Parse("3273015708900003", SampleToday);
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Guid ApplicationId = Guid.Parse("0b6f3a55-7d9c-4c1e-9a63-1c2f0e5d8a11");

    private static readonly Address SampleAddress = new()
    {
        Street = "Jl. Setiabudi No. 12",
        Rt = "003",
        Rw = "007",
        VillageCode = RegionCode.Parse("32.73.01.1001"),
        PostalCode = "40154",
    };

    private static readonly AgencyCase SampleCase = new()
    {
        Reference = "SKCK-3273-20261123-000123",
        Status = AgencyCaseStatus.Completed,
        UpdatedAt = At.AddDays(3),
        Outputs = new Dictionary<string, string> { ["certificateNumber"] = "SKCK/000123/XI/2026/POLRES", ["validUntil"] = "2027-05-26" },
    };

    public static IReadOnlyList<PublicSchema> All { get; } =
    [
        new("citizen-identity", "Citizen identity", typeof(CitizenIdentity), new CitizenIdentity
        {
            Nik = SampleNik, FullName = "Siti Rahayu", BirthPlace = "Bandung", BirthDate = new DateOnly(1990, 8, 17), Sex = Sex.Female,
        }),
        new("citizen-profile", "Citizen profile (once-only)", typeof(CitizenProfile), new CitizenProfile
        {
            Nik = SampleNik,
            KkNumber = KkNumber.Parse("3273011203150042", SampleToday),
            FullName = "Siti Rahayu",
            BirthPlace = "Bandung",
            BirthDate = new DateOnly(1990, 8, 17),
            Sex = Sex.Female,
            CivilStatus = CivilStatus.Married,
            Religion = Religion.Islam,
            Occupation = "KARYAWAN SWASTA",
            Education = Education.Bachelor,
            BloodType = BloodType.O,
            MotherName = "Aminah",
            FamilyRelation = FamilyRelation.Wife,
            Address = SampleAddress,
        }),
        new("identity-verification-request", "Identity verification request", typeof(IdentityVerificationRequest), new IdentityVerificationRequest
        {
            Nik = SampleNik, FullName = "Siti Rahayu", BirthPlace = "Bandung", BirthDate = new DateOnly(1990, 8, 17), Address = SampleAddress,
        }),
        new("identity-verification-result", "Identity verification result", typeof(IdentityVerificationResult), new IdentityVerificationResult
        {
            Decision = VerificationDecision.PartialMatch,
            Fields = new Dictionary<string, FieldVerdict>
            {
                ["nik"] = new(true),
                ["fullName"] = new(true, 100),
                ["birthDate"] = new(true),
                ["address.street"] = new(false, 59),
            },
        }),
        new("face-match-request", "Face match request", typeof(FaceMatchRequest), new FaceMatchRequest { Nik = SampleNik, Image = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBD", Threshold = 5m }),
        new("face-match-result", "Face match result", typeof(FaceMatchResult), new FaceMatchResult(true, 8.7m)),
        new("consent-request", "Consent request", typeof(ConsentRequest), new ConsentRequest
        {
            Nik = SampleNik, Purposes = [DataPurpose.ServiceApplication, DataPurpose.PoliceClearance], ExpiresAt = At.AddDays(30), EvidenceReference = "mpp-bandung/consent/2026/118842",
        }),
        new("consent", "Consent", typeof(Consent), new Consent
        {
            Id = Guid.Parse("5d1c1f0e-2b8f-4a7e-9a11-6f0c3b2d4e55"),
            Nik = SampleNik,
            Purposes = [DataPurpose.ServiceApplication, DataPurpose.PoliceClearance],
            GrantedAt = At,
            ExpiresAt = At.AddDays(30),
            EvidenceReference = "mpp-bandung/consent/2026/118842",
            RecordedBy = "mpp-kota-bandung",
        }),
        new("health-summary", "Health summary", typeof(HealthSummary), new HealthSummary
        {
            Nik = SampleNik,
            PatientId = "P02478375538",
            Conditions = [new HealthCondition("E11.9", "Type 2 diabetes mellitus without complications", "active", new DateOnly(2021, 3, 2))],
            Immunizations = [new Immunization("BCG", "BCG vaccine", new DateOnly(1990, 9, 1), "completed")],
            Allergies = [new Allergy("227493005", "Cashew nuts", "active", "high")],
            Observations = [new HealthObservation("8480-6", "Systolic blood pressure", At.AddDays(-40), 128m, "mm[Hg]")],
            Encounters = [new Encounter("e7a3c1d2", "AMB", "finished", At.AddDays(-40), At.AddDays(-40).AddHours(1), "Puskesmas Sukasari")],
        }),
        new("service-description", "Service catalogue entry", typeof(ServiceDescription), new ServiceDescription
        {
            Code = ServiceCodes.SkckNew,
            Name = "Surat Keterangan Catatan Kepolisian (SKCK) baru",
            Description = "Police clearance certificate, valid 6 months.",
            Agencies = ["Dukcapil", "Polri", "PNBP"],
            FeeRupiah = 30_000,
            Prerequisites = ["e-KTP", "Kartu Keluarga", "Akta lahir or ijazah", "Pas foto 4x6 latar merah"],
            ExpectedDuration = TimeSpan.FromDays(3),
            Version = 1,
        }),
        new("submit-application-request", "Service application request", typeof(SubmitApplicationRequest), new SubmitApplicationRequest
        {
            ServiceCode = ServiceCodes.SkckNew,
            Nik = SampleNik,
            ConsentId = Guid.Parse("5d1c1f0e-2b8f-4a7e-9a11-6f0c3b2d4e55"),
            Inputs = new Dictionary<string, JsonElement>
            {
                ["purpose"] = JsonSerializer.SerializeToElement("Melamar pekerjaan"),
                ["officeLevel"] = JsonSerializer.SerializeToElement("polres"),
            },
        }),
        new("service-application", "Service application", typeof(ServiceApplication), new ServiceApplication
        {
            Id = ApplicationId,
            ServiceCode = ServiceCodes.SkckNew,
            WorkflowVersion = 1,
            Status = ApplicationStatus.Waiting,
            StatusReason = "Waiting for payment of billing code 820261123000123.",
            SubmittedAt = At,
            UpdatedAt = At.AddMinutes(2),
            ExpectedCompletion = new ExpectedCompletion(At.AddDays(3), At.AddDays(5)),
            Steps =
            [
                new ApplicationStep { Id = "verify-identity", Capability = "identity.verify", Status = StepStatus.Succeeded, Attempts = 1, StartedAt = At, FinishedAt = At.AddSeconds(1) },
                new ApplicationStep { Id = "wait-payment", Capability = "payment.billing.status", Status = StepStatus.Waiting, Attempts = 1, StartedAt = At.AddMinutes(1), NextAttemptAt = At.AddMinutes(6) },
            ],
            Outputs = new Dictionary<string, JsonElement> { ["billingCode"] = JsonSerializer.SerializeToElement("820261123000123") },
        }),
        new("application-status-changed", "Application status changed (webhook event)", typeof(ApplicationStatusChanged), new ApplicationStatusChanged(
            ApplicationId, "mpp-kota-bandung", ServiceCodes.SkckNew, ApplicationStatus.Completed, At.AddDays(3))),
        new("agency-error", "Agency error", typeof(AgencyError), new AgencyError
        {
            Agency = "dukcapil", Kind = AgencyErrorKind.Transient, Code = "http.503", Message = "The population registry is unavailable; try again shortly.", RetryAfter = TimeSpan.FromSeconds(30),
        }),
        new("citizen-query", "Citizen query", typeof(CitizenQuery), new CitizenQuery(SampleNik)),
        new("agency-case-query", "Agency case query", typeof(AgencyCaseQuery), new AgencyCaseQuery("SKCK-3273-20261123-000123")),
        new("agency-case", "Agency case", typeof(AgencyCase), SampleCase),
        new("police-clearance-request", "Police clearance (SKCK) request", typeof(PoliceClearanceRequest), new PoliceClearanceRequest
        {
            Nik = SampleNik, Purpose = "Melamar pekerjaan", OfficeLevel = PoliceOfficeLevel.Polres, OfficeRegion = "3273", PaymentProof = "A1B2C3D4E5F6G7H8",
        }),
        new("driving-licence-query", "Driving licence query", typeof(DrivingLicenceQuery), new DrivingLicenceQuery(SampleNik, LicenceClass.C)),
        new("licence-renewal-eligibility", "Licence renewal eligibility", typeof(LicenceRenewalEligibility), new LicenceRenewalEligibility(
            true, new DrivingLicence("1234-5678-000123", LicenceClass.C, new DateOnly(2021, 12, 20), new DateOnly(2026, 12, 20)))),
        new("licence-test-result", "Licence health or psychology test result", typeof(LicenceTestResult), new LicenceTestResult(
            "RIKKES-3273-2026-004411", true, new DateOnly(2026, 11, 20), new DateOnly(2027, 5, 20))),
        new("licence-renewal-request", "Licence renewal request", typeof(LicenceRenewalRequest), new LicenceRenewalRequest
        {
            Nik = SampleNik,
            LicenceNumber = "1234-5678-000123",
            Class = LicenceClass.C,
            HealthCertificateNumber = "RIKKES-3273-2026-004411",
            PsychologyCertificateNumber = "PPSI-3273-2026-001207",
            PaymentProof = "A1B2C3D4E5F6G7H8",
        }),
        new("passport-appointment-request", "Passport appointment request", typeof(PassportAppointmentRequest), new PassportAppointmentRequest
        {
            Nik = SampleNik, OfficeCode = "KANIM-BDG", PreferredDate = new DateOnly(2026, 11, 30),
        }),
        new("passport-appointment", "Passport appointment", typeof(PassportAppointment), new PassportAppointment("JDW-20261130-0042", "KANIM-BDG", new DateOnly(2026, 11, 30), "09:00-10:00")),
        new("passport-appointment-cancellation", "Passport appointment cancellation", typeof(PassportAppointmentCancellation), new PassportAppointmentCancellation("JDW-20261130-0042", "Billing lapsed unpaid")),
        new("passport-application-request", "Passport application request", typeof(PassportApplicationRequest), new PassportApplicationRequest
        {
            Nik = SampleNik, AppointmentId = "JDW-20261130-0042", Kind = PassportKind.Electronic, PaymentProof = "A1B2C3D4E5F6G7H8",
        }),
        new("billing-request", "PNBP billing request", typeof(BillingRequest), new BillingRequest
        {
            PayerNik = SampleNik, PayerName = "Siti Rahayu", ServiceCode = ServiceCodes.SkckNew, Amount = 30_000, AgencyCode = "060", AccountCode = "425131",
        }),
        new("billing-query", "PNBP billing query", typeof(BillingQuery), new BillingQuery("820261123000123")),
        new("billing", "PNBP billing", typeof(Billing), new Billing
        {
            BillingCode = "820261123000123", Amount = 30_000, CreatedAt = At, ExpiresAt = At.AddDays(2), Status = BillingStatus.Paid,
            Ntb = "030112345678", Ntpn = "A1B2C3D4E5F6G7H8", PaidAt = At.AddHours(1),
        }),
        new("ktp-replacement-request", "e-KTP replacement request", typeof(KtpReplacementRequest), new KtpReplacementRequest
        {
            Nik = SampleNik, Reason = DocumentReplacementReason.Lost, LossReportNumber = "STPL/1234/XI/2026/POLSEK", PickupRegion = "3273",
        }),
    ];
}
