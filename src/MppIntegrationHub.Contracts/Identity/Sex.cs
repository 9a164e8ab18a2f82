namespace MppIntegrationHub.Contracts.Identity;

/// <summary>Sex as recorded in the population registry (Dukcapil: Laki-Laki / Perempuan).</summary>
public enum Sex
{
    Male,
    Female,
}
