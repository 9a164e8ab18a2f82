using System.ComponentModel;
using MppIntegrationHub.Contracts.Regions;

namespace MppIntegrationHub.Contracts.Citizens;

[Description("A domicile address as the registry records it: street, RT/RW and the village's Kemendagri code.")]
public sealed record Address
{
    [Description("Street and house number (ALAMAT).")]
    public required string Street { get; init; }

    [Description("Rukun Tetangga, three digits (NO_RT).")]
    public required string Rt { get; init; }

    [Description("Rukun Warga, three digits (NO_RW).")]
    public required string Rw { get; init; }

    [Description("Hamlet (DUSUN), where recorded.")]
    public string? Hamlet { get; init; }

    [Description("10-digit Kemendagri village (kelurahan/desa) code; the province, regency and district are its prefixes.")]
    public required RegionCode VillageCode { get; init; }

    [Description("Postal code (KODE_POS).")]
    public string? PostalCode { get; init; }
}
