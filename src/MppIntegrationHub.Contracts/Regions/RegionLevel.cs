namespace MppIntegrationHub.Contracts.Regions;

/// <summary>Administrative level of a Kemendagri region code, named by its digit count.</summary>
public enum RegionLevel
{
    /// <summary>Provinsi: 2 digits.</summary>
    Province = 2,

    /// <summary>Kabupaten or kota: 4 digits (01-69 kabupaten, 71-99 kota).</summary>
    Regency = 4,

    /// <summary>Kecamatan: 6 digits.</summary>
    District = 6,

    /// <summary>Kelurahan or desa: 10 digits (suffix starting 1 kelurahan, 2 desa).</summary>
    Village = 10,
}
