namespace MppIntegrationHub.Hub.Callbacks;

/// <summary>A callback body the hub accepted (by its SHA-256), kept for the replay window so the same body is refused.</summary>
public sealed class CallbackReceipt
{
    public required string Agency { get; set; }

    public required string BodyHash { get; set; }

    public required string Reference { get; set; }

    /// <summary>UTC ticks, so both engines compare and prune the same way.</summary>
    public long ReceivedAtTicks { get; set; }
}
