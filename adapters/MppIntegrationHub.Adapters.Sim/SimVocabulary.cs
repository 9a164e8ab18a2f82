using System.Collections.Frozen;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Sim;

/// <summary>Korlantas' classes, reasons, statuses and error codes in canonical terms.</summary>
public static class SimVocabulary
{
    public static readonly KodePesanErrorMapper Errors = new(new Dictionary<string, AgencyErrorKind>
    {
        ["SIM_KEDALUWARSA"] = AgencyErrorKind.Permanent,
        ["BELUM_MASUK_JENDELA"] = AgencyErrorKind.Permanent,
        ["GOLONGAN_TIDAK_DIDUKUNG"] = AgencyErrorKind.Permanent,
    });

    public static readonly CaseStatusMap Statuses = new(new Dictionary<string, AgencyCaseStatus>
    {
        ["DITERIMA"] = AgencyCaseStatus.Received,
        ["DIPROSES"] = AgencyCaseStatus.InProgress,
        ["DICETAK"] = AgencyCaseStatus.InProgress,
        ["SELESAI"] = AgencyCaseStatus.Completed,
        ["DITOLAK"] = AgencyCaseStatus.Rejected,
    });

    private static readonly FrozenDictionary<string, LicenceClass> Classes = new Dictionary<string, LicenceClass>
    {
        ["A"] = LicenceClass.A, ["A_UMUM"] = LicenceClass.AUmum, ["BI"] = LicenceClass.BI, ["BII"] = LicenceClass.BII,
        ["BI_UMUM"] = LicenceClass.BIUmum, ["BII_UMUM"] = LicenceClass.BIIUmum, ["C"] = LicenceClass.C, ["CI"] = LicenceClass.CI,
        ["CII"] = LicenceClass.CII, ["D"] = LicenceClass.D, ["DI"] = LicenceClass.DI,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static LicenceClass ToClass(string code) =>
        Classes.TryGetValue(code, out var licenceClass) ? licenceClass : throw new FormatException("Korlantas sent an unknown licence class.");

    public static string Code(LicenceClass licenceClass) => Classes.First(c => c.Value == licenceClass).Key;

    /// <summary>Why a licence cannot be renewed online, in the hub's words.</summary>
    public static string? Reason(string? code) => code switch
    {
        null => null,
        "SIM_KEDALUWARSA" => "The licence has expired: a new application is needed.",
        "BELUM_MASUK_JENDELA" => "The licence is not yet inside the renewal window.",
        "GOLONGAN_TIDAK_DIDUKUNG" => "Online renewal covers classes A and C only.",
        _ => "Korlantas does not allow online renewal of this licence.",
    };
}
