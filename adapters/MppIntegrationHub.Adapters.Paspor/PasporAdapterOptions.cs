using MppIntegrationHub.Adapters.Rest;

namespace MppIntegrationHub.Adapters.Paspor;

/// <summary>The Imigrasi passport adapter's manifest and API key.</summary>
public sealed class PasporAdapterOptions : RestAgencyOptions
{
    /// <summary>How many days from the preferred date the adapter looks for a free interview slot.</summary>
    public int AppointmentSearchDays { get; set; } = 14;

    protected override void CollectErrors(ICollection<string> errors)
    {
        base.CollectErrors(errors);
        Require(errors, AppointmentSearchDays is >= 1 and <= 60, $"{nameof(AppointmentSearchDays)} must be between 1 and 60.");
    }
}
