using System.ComponentModel;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Citizens;

[Description("Who a citizen is, as the portal states it: the elements checked against the population registry.")]
public sealed record CitizenIdentity
{
    [Description("Nomor Induk Kependudukan, 16 digits.")]
    public required Nik Nik { get; init; }

    [Description("Full name as on the e-KTP (NAMA_LGKP).")]
    public required string FullName { get; init; }

    [Description("Place of birth (TMPT_LHR).")]
    public string? BirthPlace { get; init; }

    [Description("Date of birth.")]
    public DateOnly? BirthDate { get; init; }

    public Sex? Sex { get; init; }
}
