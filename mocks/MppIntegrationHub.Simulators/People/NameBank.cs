namespace MppIntegrationHub.Simulators.People;

/// <summary>Common Indonesian names and registry vocabularies the generator draws from.</summary>
internal static class NameBank
{
    public static readonly string[] MaleGiven =
    [
        "ANDI", "BUDI", "AGUS", "DEDI", "EKO", "FAJAR", "HENDRA", "IRFAN", "JOKO", "KURNIAWAN", "MUHAMMAD", "NUR",
        "RIZKY", "SLAMET", "TEGUH", "WAHYU", "YUDI", "ARIF", "BAMBANG", "DIMAS", "GILANG", "HARYANTO", "IWAN", "PUTU",
        "MADE", "KETUT", "RUDI", "SURYA", "YOGA", "ADITYA",
    ];

    public static readonly string[] FemaleGiven =
    [
        "SITI", "DEWI", "SRI", "RINA", "AYU", "FITRI", "INDAH", "LESTARI", "MAYA", "NOVI", "PUTRI", "RATNA",
        "SARI", "TUTI", "WULAN", "YULIA", "ANISA", "DIAN", "EVI", "NI LUH", "KADEK", "NURUL", "RAHMA", "SUSI",
        "WATI", "YUNI", "MEGA", "LINDA", "RIKA", "HANA",
    ];

    public static readonly string[] Family =
    [
        "PRATAMA", "SAPUTRA", "WIJAYA", "SANTOSO", "HIDAYAT", "NUGROHO", "SETIAWAN", "KUSUMA", "RAHAYU", "LESTARI",
        "SIREGAR", "NASUTION", "HARAHAP", "SIMANJUNTAK", "TAMBUNAN", "WIBOWO", "SUSANTO", "HALIM", "GUNAWAN",
        "PERMANA", "RAMADHAN", "FIRMANSYAH", "HASIBUAN", "SURYADI", "MAHENDRA", "PANGESTU", "ANGGRAINI", "PUSPITA",
        "WULANDARI", "KARTIKA",
    ];

    public static readonly string[] Streets =
    [
        "JL. MERDEKA", "JL. JENDERAL SUDIRMAN", "JL. DIPONEGORO", "JL. GATOT SUBROTO", "JL. AHMAD YANI",
        "JL. PAHLAWAN", "JL. MELATI", "JL. MAWAR", "JL. KENANGA", "GG. DAMAI", "JL. CEMPAKA", "JL. SILIWANGI",
        "JL. HASANUDDIN", "JL. PEMUDA", "JL. GAJAH MADA", "JL. RAYA BARAT", "JL. PASAR BARU", "KP. SUKAMAJU",
    ];

    public static readonly string[] AdultOccupations =
    [
        "KARYAWAN SWASTA", "WIRASWASTA", "PEGAWAI NEGERI SIPIL", "PETANI/PEKEBUN", "PEDAGANG", "GURU",
        "BURUH HARIAN LEPAS", "NELAYAN/PERIKANAN", "SOPIR", "PERAWAT", "DOKTER", "MENGURUS RUMAH TANGGA",
        "BELUM/TIDAK BEKERJA",
    ];

    public const string Student = "PELAJAR/MAHASISWA";

    public const string Retired = "PENSIUNAN";

    public const string NotWorking = "BELUM/TIDAK BEKERJA";

    public static readonly string[] Offences =
    [
        "PENCURIAN (PASAL 362 KUHP)", "PENGGELAPAN (PASAL 372 KUHP)", "PENIPUAN (PASAL 378 KUHP)",
        "PENGANIAYAAN (PASAL 351 KUHP)", "NARKOTIKA (PASAL 127 UU 35/2009)",
    ];
}
