using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Simulators;

/// <summary>How <see cref="AgencySimulators.StartAsync"/> builds the population and the agency servers.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Seed of the population and of every fault generator.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Citizens in total, personas included.</summary>
    public int PopulationSize { get; init; } = 1_000;

    /// <summary>Drives case progression, billing expiry and token lifetimes; tests pass a FakeTimeProvider.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The hub's base URL for status callbacks; when null the agencies are polled.</summary>
    public Uri? HubCallbackUrl { get; init; }

    /// <summary>
    /// HMAC secrets per agency id (<c>skck</c>, <c>sim</c>, <c>paspor</c>, <c>simponi</c>, <c>dukcapil</c>); an agency
    /// left out never calls back, so the hub must poll it.
    /// </summary>
    public IReadOnlyDictionary<string, string> CallbackSecrets { get; init; } = AgencyIds.DefaultCallbackSecrets;

    public SimulatorCredentials Credentials { get; init; } = SimulatorCredentials.Default;

    /// <summary>Fixed ports per agency id; agencies not listed get a free loopback port.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>Folder holding <c>&lt;agency&gt;/*.json</c> WireMock mappings; defaults to the copy beside the library.</summary>
    public string? MappingsFolder { get; init; }

    /// <summary>A population built beforehand (shared between runs); generated from the seed when null.</summary>
    public SyntheticPopulation? Population { get; init; }

    /// <summary>Receives the number of citizens generated so far.</summary>
    public IProgress<int>? PopulationProgress { get; init; }

    /// <summary>
    /// After a failed SATUSEHAT token request, further token requests of that client id are refused (429) for this
    /// long, as the real gateway does (one per minute); <see cref="TimeSpan.Zero"/> turns the quirk off.
    /// </summary>
    public TimeSpan SatuSehatTokenBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// For load tests and drills: every citizen pays a SIMPONI billing code this long after it was issued (as at a bank,
    /// the same as the tester's pay action), if the code has not expired by then. Null (the default): nobody pays
    /// unless a tester does.
    /// </summary>
    public TimeSpan? AutoPayAfter { get; init; }

    /// <summary>Dukcapil's quota (quotaLimiter) at start.</summary>
    public long DukcapilQuota { get; init; } = 100_000;
}
