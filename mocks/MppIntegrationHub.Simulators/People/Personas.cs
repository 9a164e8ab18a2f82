namespace MppIntegrationHub.Simulators.People;

/// <summary>The test personas: present in every population, whatever the seed or size (see mocks/README.md).</summary>
public static class Personas
{
    public static readonly Persona HappyPath = new("happy-path", "3273021205909001",
        "Active, married head of family; SIM C due for renewal with passing e-Rikkes and e-PPsi; health record; no police record.");

    public static readonly Persona HappyPathSpouse = new("happy-path-spouse", "3273025803929017",
        "Wife on the happy path's KK; no licence; health record.");

    public static readonly Persona HappyPathChild = new("happy-path-child", "3273021006189018",
        "Child on the happy path's KK; too young for a licence.");

    public static readonly Persona Deceased = new("deceased", "3273020302509002", "Dukcapil answers 11 (Meninggal Dunia).");

    public static readonly Persona Duplicate = new("duplicate", "3273025708859003", "Dukcapil answers 12 (Data Ganda).");

    public static readonly Persona Inactive = new("inactive", "3273022110789004", "Dukcapil answers 14 (Status Non Aktif).");

    public static readonly Persona NotRegistered = new("not-registered", "3273020909999005",
        "Well-formed NIK the registry does not hold: Dukcapil answers 13; other agencies know nothing either.");

    public static readonly Persona CriminalRecord = new("criminal-record", "3273021501889006",
        "Police record on file: an SKCK application ends DITOLAK (CATATAN_KRIMINAL).");

    public static readonly Persona ExpiredLicence = new("expired-licence", "3273023006809007",
        "SIM C expired 40 days ago: renewal refused with SIM_KEDALUWARSA.");

    public static readonly Persona LicenceDueForRenewal = new("licence-due-for-renewal", "3273024404929008",
        "SIM A expiring in 30 days (inside the 90-day window), e-Rikkes and e-PPsi passed.");

    public static readonly Persona LicenceValid = new("licence-valid", "3273021111959009",
        "SIM A valid for two more years: renewal refused with BELUM_MASUK_JENDELA.");

    public static readonly Persona NoHealthRecord = new("no-health-record", "3273024212939010",
        "Active citizen SATUSEHAT does not know: Patient search answers an empty searchset.");

    public static readonly Persona FailedERikkes = new("failed-erikkes", "3273021903879011",
        "SIM C due for renewal but the e-Rikkes result is TIDAK_MEMENUHI_SYARAT.");

    public static readonly Persona FailedEPpsi = new("failed-eppsi", "3273026507919012",
        "SIM A due for renewal but the e-PPsi result is TIDAK_LULUS.");

    public static readonly Persona PassportHolder = new("passport-holder", "3273024808839013",
        "Holds an electronic passport issued three years ago.");

    public static readonly Persona NoLicence = new("no-licence", "3273020101009014",
        "Adult with no licence and no e-Rikkes/e-PPsi results.");

    public static readonly Persona Minor = new("minor", "3273025402129015", "Fourteen-year-old: too young for any SIM class.");

    public static readonly Persona HealthGatewayTimeout = new("health-gateway-timeout", "3273020505759016",
        "SATUSEHAT's Patient search for this NIK answers 504 text/plain 'Gateway Timeout' (a static mapping).");

    public static IReadOnlyList<Persona> All { get; } =
    [
        HappyPath, HappyPathSpouse, HappyPathChild, Deceased, Duplicate, Inactive, NotRegistered, CriminalRecord,
        ExpiredLicence, LicenceDueForRenewal, LicenceValid, NoHealthRecord, FailedERikkes, FailedEPpsi, PassportHolder,
        NoLicence, Minor, HealthGatewayTimeout,
    ];

    public static Persona? ByName(string name) => All.FirstOrDefault(p => p.Name == name);
}
