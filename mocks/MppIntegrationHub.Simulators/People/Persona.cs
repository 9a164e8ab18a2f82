namespace MppIntegrationHub.Simulators.People;

/// <summary>A named citizen with a known story that tests and testers can rely on.</summary>
/// <param name="Name">Stable name, e.g. <c>happy-path</c>.</param>
/// <param name="Nik">Stable NIK, the same for every seed and size.</param>
/// <param name="Story">What every agency says about this person.</param>
public sealed record Persona(string Name, string Nik, string Story);
