using System.ComponentModel;

namespace MppIntegrationHub.Contracts.Services;

[Description("One service of the catalogue: what it is, who takes part, what it costs and how long it takes.")]
public sealed record ServiceDescription
{
    [Description("Service code, e.g. SKCK_NEW.")]
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    [Description("Agencies involved, e.g. Dukcapil, Polri, PNBP.")]
    public required IReadOnlyList<string> Agencies { get; init; }

    [Description("PNBP fee in rupiah (0 when free).")]
    public required long FeeRupiah { get; init; }

    [Description("What the citizen must have or bring.")]
    public required IReadOnlyList<string> Prerequisites { get; init; }

    [Description("The agencies' published service level, ISO 8601 duration (e.g. P3D).")]
    public required TimeSpan ExpectedDuration { get; init; }

    [Description("Workflow definition version new applications start on.")]
    public required int Version { get; init; }
}
