using System.ComponentModel.DataAnnotations;

namespace MppIntegrationHub.Hub.Agencies;

/// <summary>How often each process reports its agency figures and picks up the retry kill switch (section <c>Hub:AgencyReports</c>).</summary>
public sealed class AgencyReportOptions
{
    public const string Section = "Hub:AgencyReports";

    /// <summary>Between two reports; a process silent for three intervals drops out of the deployment view.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Reports of processes gone for this long are deleted.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);
}
