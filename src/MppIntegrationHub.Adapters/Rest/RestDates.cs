using System.Globalization;

namespace MppIntegrationHub.Adapters.Rest;

/// <summary>The designed agencies' date format, <c>yyyy-MM-dd</c>; anything else is a malformed answer.</summary>
public static class RestDates
{
    public static DateOnly Parse(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
