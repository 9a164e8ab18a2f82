namespace MppIntegrationHub.Simulators.Dukcapil;

/// <summary>Dukcapil-style similarity of free text (names, addresses): 0-100 from the edit distance, case and spacing ignored.</summary>
internal static class FuzzyScore
{
    public static int Of(string submitted, string registered)
    {
        var a = Normalise(submitted);
        var b = Normalise(registered);
        var longest = Math.Max(a.Length, b.Length);
        return longest == 0 ? 100 : (int)Math.Floor(100.0 * (longest - Distance(a, b)) / longest);
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
