using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Hub.Tests.Support;

/// <summary>Valid synthetic NIKs (Kota Bandung) the fake agencies know.</summary>
internal static class TestCitizens
{
    public const string Budi = "3273010101900001";
    public const string Siti = "3273014502850002";

    /// <summary>The fake agencies answer this one with a transient outage.</summary>
    public const string Unreachable = "3273010101909999";

    public static Nik Parse(string nik) => Nik.Parse(nik, new DateOnly(2026, 1, 1));
}
