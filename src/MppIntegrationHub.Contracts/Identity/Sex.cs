using System.Text.Json.Serialization;

namespace MppIntegrationHub.Contracts.Identity;

/// <summary>Sex as recorded in the population registry (Dukcapil: Laki-Laki / Perempuan).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Sex>))]
public enum Sex
{
    Male,
    Female,
}
