namespace MppIntegrationHub.Simulators;

/// <summary>The agency ids used in callback paths, secrets, ports and mapping folders.</summary>
public static class AgencyIds
{
    public const string Dukcapil = "dukcapil";
    public const string SatuSehat = "satusehat";
    public const string Skck = "skck";
    public const string Sim = "sim";
    public const string Paspor = "paspor";
    public const string Simponi = "simponi";

    public static IReadOnlyList<string> All { get; } = [Dukcapil, SatuSehat, Skck, Sim, Paspor, Simponi];

    /// <summary>The agency's position in <see cref="All"/>, used to derive per-agency seeds.</summary>
    internal static int Ordinal(string agency) => All.TakeWhile(id => id != agency).Count();

    /// <summary>Development secrets, printed by the host and documented in mocks/README.md.</summary>
    public static IReadOnlyDictionary<string, string> DefaultCallbackSecrets { get; } = new Dictionary<string, string>
    {
        [Dukcapil] = "callback-secret-dukcapil",
        [Skck] = "callback-secret-skck",
        [Sim] = "callback-secret-sim",
        [Paspor] = "callback-secret-paspor",
        [Simponi] = "callback-secret-simponi",
    };
}
