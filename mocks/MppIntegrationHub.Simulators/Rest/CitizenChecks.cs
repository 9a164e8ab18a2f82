using System.Diagnostics.CodeAnalysis;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Simulators.Rest;

/// <summary>The check every designed agency makes first: is this NIK a living, active registry entry?</summary>
internal static class CitizenChecks
{
    public static bool TryResolve(SyntheticPopulation population, string? nik, [NotNullWhen(true)] out Citizen? citizen, [NotNullWhen(false)] out RestReply? refusal)
    {
        refusal = null;
        if (nik is null || !population.TryFind(nik, out citizen) || citizen.Status == RegistryStatus.NotRegistered)
        {
            citizen = null;
            refusal = RestReply.NotFound("NIK");
            return false;
        }

        if (citizen.Status != RegistryStatus.Active)
        {
            refusal = RestReply.Error(422, "NIK_TIDAK_AKTIF", "NIK tidak aktif di database kependudukan");
            return false;
        }

        return true;
    }
}
