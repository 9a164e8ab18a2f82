using System.ComponentModel.DataAnnotations;

namespace MppIntegrationHub.Hub.Audit;

/// <summary>Audit trail settings (configuration section <c>Hub:Audit</c>).</summary>
public sealed record AuditOptions
{
    public const string Section = "Hub:Audit";

    /// <summary>Secret key of the NIK references in the audit chain (at least 32 characters); losing it orphans the citizens' access logs.</summary>
    [Required]
    [MinLength(32)]
    public string NikKey { get; init; } = string.Empty;
}
