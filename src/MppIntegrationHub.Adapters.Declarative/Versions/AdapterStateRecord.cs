namespace MppIntegrationHub.Adapters.Declarative.Versions;

/// <summary>Which version of a declarative adapter is live, and whether it is switched on.</summary>
public sealed class AdapterStateRecord
{
    public required string AdapterId { get; set; }

    /// <summary>Owning client: only it (or another admin of the same client) changes the adapter.</summary>
    public required string Owner { get; set; }

    public int ActiveSequence { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Optimistic concurrency: two registrations of the same adapter cannot both win.</summary>
    public int Revision { get; set; }
}
