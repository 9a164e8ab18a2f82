namespace MppIntegrationHub.Adapters.Dukcapil.Verification;

/// <summary>Dukcapil's names of the elements CALL_VERIFY_BY_ELEMEN judges: the request's members and the answer's.</summary>
public static class ElementNames
{
    public const string KkNumber = "NO_KK";
    public const string FullName = "NAMA_LGKP";
    public const string BirthPlace = "TMPT_LHR";
    public const string BirthDate = "TGL_LHR";
    public const string Sex = "JENIS_KLMIN";
    public const string CivilStatus = "STATUS_KAWIN";
    public const string Occupation = "JENIS_PKRJN";
    public const string MotherName = "NAMA_LGKP_IBU";
    public const string Street = "ALAMAT";
    public const string Rt = "NO_RT";
    public const string Rw = "NO_RW";
    public const string Province = "NO_PROP";
    public const string Regency = "NO_KAB";
    public const string District = "NO_KEC";
    public const string Village = "NO_KEL";
}
