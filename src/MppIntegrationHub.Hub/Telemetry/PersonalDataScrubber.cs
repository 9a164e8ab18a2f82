using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace MppIntegrationHub.Hub.Telemetry;

/// <summary>
/// Keeps citizen identifiers out of exported spans (UU 27/2022): a request's path is replaced by its route template
/// (<c>/api/v1/citizens/{nik}/profile</c>), query strings are dropped, an agency call's URL keeps its host and a path
/// whose identifier segments are masked, and any 16-digit run (a NIK or KK number) left in a name or attribute is
/// erased. Runs before the exporters, as spans end.
/// </summary>
internal sealed partial class PersonalDataScrubber : BaseProcessor<Activity>
{
    public const string Masked = "{id}";
    public const string Erased = "[redacted]";

    private const string UrlPath = "url.path";
    private const string UrlQuery = "url.query";
    private const string UrlFull = "url.full";
    private const string HttpRoute = "http.route";

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetTagItem(UrlPath) is not null)
        {
            data.SetTag(UrlPath, data.GetTagItem(HttpRoute) as string);
        }

        data.SetTag(UrlQuery, null);
        if (data.GetTagItem(UrlFull) is string full && Uri.TryCreate(full, UriKind.Absolute, out var url))
        {
            data.SetTag(UrlFull, $"{url.GetLeftPart(UriPartial.Authority)}{MaskPath(url.AbsolutePath)}");
        }

        if (RegistryNumber().IsMatch(data.DisplayName))
        {
            data.DisplayName = RegistryNumber().Replace(data.DisplayName, Erased);
        }

        foreach (var (key, value) in data.Tags.ToList())
        {
            if (value is not null && RegistryNumber().IsMatch(value))
            {
                data.SetTag(key, RegistryNumber().Replace(value, Erased));
            }
        }
    }

    /// <summary>Path segments holding digits are identifiers (NIK, licence, case numbers): masked; the rest is the API's shape.</summary>
    internal static string MaskPath(string path) =>
        string.Join('/', path.Split('/').Select(segment => segment.Any(char.IsAsciiDigit) ? Masked : segment));

    [GeneratedRegex(@"\d{16}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex RegistryNumber();
}
