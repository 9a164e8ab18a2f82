using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Processes.Tests.Support;

/// <summary>The applications a drill submits: real services for citizens of the simulators' population who qualify.</summary>
internal static class Drill
{
    public const int Seed = 42;

    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>
    /// Adults the registry knows as active and without a police record (so SKCK ends issued, not refused), from the
    /// population the simulator host generates for the same seed and size as of the drill's anchor.
    /// </summary>
    public static IReadOnlyList<Citizen> Applicants(DrillClock clock, int populationSize, int count)
    {
        var today = DateOnly.FromDateTime(clock.Anchor.ToOffset(Wib).DateTime);
        var personas = Personas.All.Select(p => p.Nik).ToHashSet(StringComparer.Ordinal);
        var applicants = PopulationGenerator.Generate(Seed, populationSize, today).Citizens
            .Where(c => c.Status == RegistryStatus.Active && c.PoliceRecord is null && c.AgeOn(today) >= 18 && !personas.Contains(c.Nik.Value))
            .Take(count)
            .ToList();
        return applicants.Count == count
            ? applicants
            : throw new InvalidOperationException($"Only {applicants.Count} of {populationSize:N0} citizens qualify; {count} needed.");
    }

    /// <summary>SKCK_NEW: identity, profile, billing, payment, Polri submission, issuance after three simulated days.</summary>
    public static Task<Guid> SubmitSkckAsync(PortalClient portal, Citizen citizen) =>
        portal.SubmitAsync(citizen, ServiceCodes.SkckNew, DataPurpose.PoliceClearance, new Dictionary<string, string>
        {
            ["fullName"] = citizen.FullName,
            ["purpose"] = "MELAMAR PEKERJAAN",
            ["officeLevel"] = "polres",
            ["officeRegion"] = "3273",
        });

    /// <summary>KTP_REPLACEMENT: identity, Dukcapil request, printing after two simulated days.</summary>
    public static Task<Guid> SubmitKtpAsync(PortalClient portal, Citizen citizen) =>
        portal.SubmitAsync(citizen, ServiceCodes.KtpReplacement, DataPurpose.PopulationDocument, new Dictionary<string, string>
        {
            ["fullName"] = citizen.FullName,
            ["reason"] = "damaged",
            ["pickupRegion"] = "3273",
        });

    /// <summary>Submits one application per citizen, a few at a time.</summary>
    public static async Task SubmitAllAsync(IEnumerable<Citizen> citizens, Func<Citizen, Task<Guid>> submit, int parallelism = 8) =>
        await Parallel.ForEachAsync(citizens, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (citizen, _) => await submit(citizen));

    /// <summary>
    /// Waits until <paramref name="expected"/> applications are completed, checking every second; fails with the
    /// status counts when <paramref name="timeout"/> passes first or when any application fails or is cancelled.
    /// </summary>
    public static async Task WaitForCompletionAsync(PortalClient portal, int expected, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var completed = await portal.CountAsync(ApplicationStatus.Completed);
            if (completed >= expected)
            {
                return;
            }

            if (await portal.CountAsync(ApplicationStatus.Failed) > 0 || TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"{completed} of {expected} applications completed after {TimeProvider.System.GetElapsedTime(started)}: {await portal.StatusSummaryAsync()}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
