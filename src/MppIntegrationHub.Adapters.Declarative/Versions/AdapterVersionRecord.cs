namespace MppIntegrationHub.Adapters.Declarative.Versions;

/// <summary>One registered manifest version, as submitted (after validation and a passing probe).</summary>
public sealed class AdapterVersionRecord
{
    public required string AdapterId { get; set; }

    /// <summary>Registration order within the adapter: 1, 2, 3...</summary>
    public int Sequence { get; set; }

    public required string Version { get; set; }

    public required string ManifestJson { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>The client that registered it.</summary>
    public required string RegisteredBy { get; set; }
}
