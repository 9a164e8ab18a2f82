using System.Diagnostics;
using System.Text;
using OpenTelemetry;

namespace MppIntegrationHub.Hub.Telemetry;

/// <summary>
/// Keeps citizen identifiers out of exported spans (UU 27/2022): a request's path is replaced by its route template
/// (<c>/api/v1/citizens/{nik}/profile</c>), query strings are dropped, an agency call's URL keeps its host and a path
/// whose identifier segments are masked, and any 16-digit run (a NIK or KK number) left in a name or attribute is
/// erased. Runs before the exporters, as spans end.
/// </summary>
public sealed class PersonalDataScrubber : BaseProcessor<Activity>
{
    public const string Masked = "{id}";
    public const string Erased = "[redacted]";

    private const string UrlPath = "url.path";
    private const string UrlQuery = "url.query";
    private const string UrlFull = "url.full";
    private const string HttpRoute = "http.route";
    private const int RegistryNumberLength = 16;

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

        if (EraseRegistryNumbers(data.DisplayName) is { } name)
        {
            data.DisplayName = name;
        }

        foreach (var (key, value) in data.Tags.ToList())
        {
            if (EraseRegistryNumbers(value) is { } erased)
            {
                data.SetTag(key, erased);
            }
        }
    }

    /// <summary>Path segments holding digits are identifiers (NIK, licence, case numbers): masked; the rest is the API's shape.</summary>
    public static string MaskPath(string path) =>
        string.Join('/', path.Split('/').Select(segment => segment.Any(char.IsAsciiDigit) ? Masked : segment));

    /// <summary>
    /// The text with every run of 16 or more digits erased; null when it has none. A plain scan, not a regex: it runs
    /// on every span and must neither allocate for clean values nor ever time out.
    /// </summary>
    public static string? EraseRegistryNumbers(string? text)
    {
        if (text is null || text.Length < RegistryNumberLength)
        {
            return null;
        }

        StringBuilder? erased = null;
        var copied = 0;
        for (var start = 0; start < text.Length;)
        {
            if (!char.IsAsciiDigit(text[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - start >= RegistryNumberLength)
            {
                erased ??= new StringBuilder(text.Length);
                erased.Append(text, copied, start - copied).Append(Erased);
                copied = end;
            }

            start = end;
        }

        return erased?.Append(text, copied, text.Length - copied).ToString();
    }
}
