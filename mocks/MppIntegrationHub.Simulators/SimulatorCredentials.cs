namespace MppIntegrationHub.Simulators;

/// <summary>The credentials the simulated agencies accept (development values, documented in mocks/README.md).</summary>
public sealed record SimulatorCredentials
{
    public string DukcapilCustomerId { get; init; } = "MPPDIGITAL01";

    public string DukcapilUserId { get; init; } = "mpp_digital";

    public string DukcapilPassword { get; init; } = "dukcapil-dev-password";

    /// <summary>The caller IP Dukcapil has on its allow-list (<c>IP_USER</c>).</summary>
    public string DukcapilIpUser { get; init; } = "10.10.1.15";

    public string SatuSehatClientId { get; init; } = "mpp-digital-client";

    public string SatuSehatClientSecret { get; init; } = "satusehat-dev-secret";

    public string SatuSehatOrganizationId { get; init; } = "100011961";

    /// <summary><c>X-Api-Key</c> values of the designed REST APIs, by agency id (Dukcapil's is for e-KTP replacement).</summary>
    public IReadOnlyDictionary<string, string> ApiKeys { get; init; } = new Dictionary<string, string>
    {
        [AgencyIds.Dukcapil] = "dev-key-dukcapil",
        [AgencyIds.Skck] = "dev-key-skck",
        [AgencyIds.Sim] = "dev-key-sim",
        [AgencyIds.Paspor] = "dev-key-paspor",
        [AgencyIds.Simponi] = "dev-key-simponi",
    };

    public static SimulatorCredentials Default { get; } = new();
}
