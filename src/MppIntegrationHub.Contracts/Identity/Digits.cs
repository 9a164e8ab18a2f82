namespace MppIntegrationHub.Contracts.Identity;

internal static class Digits
{
    /// <summary>Reads ASCII digits already checked by the caller.</summary>
    public static long Number(ReadOnlySpan<char> digits)
    {
        long value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>Copies the digits of <paramref name="input"/> into <paramref name="digits"/>, skipping spaces, dots and dashes.</summary>
    /// <returns>The digit count (one more than the buffer when too long), or -1 on any other character.</returns>
    public static int Strip(ReadOnlySpan<char> input, Span<char> digits)
    {
        var count = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '.' or '-')
            {
                continue;
            }

            if (c is < '0' or > '9')
            {
                return -1;
            }

            if (count == digits.Length)
            {
                return count + 1;
            }

            digits[count++] = c;
        }

        return count;
    }
}
