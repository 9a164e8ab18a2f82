namespace MppIntegrationHub.Contracts.Identity;

/// <summary>Dates written DDMMYY inside NIK and KK numbers.</summary>
internal static class RegistryDate
{
    // Two-digit years carry no century: take the one that makes the date valid and not in the future.
    public static bool TryResolve(int twoDigitYear, int month, int day, DateOnly today, out DateOnly date)
    {
        foreach (var century in (ReadOnlySpan<int>)[2000, 1900])
        {
            var year = century + twoDigitYear;
            if (day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                var candidate = new DateOnly(year, month, day);
                if (candidate <= today)
                {
                    date = candidate;
                    return true;
                }
            }
        }

        date = default;
        return false;
    }

    /// <summary>Today's date in the easternmost Indonesian zone (WIT, UTC+9), so nothing born today is "future".</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
}
