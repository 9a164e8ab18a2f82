using MppIntegrationHub.Contracts.Consents;

namespace MppIntegrationHub.Adapters;

/// <summary>Who calls a capability and why, and the key that makes an agency write happen at most once.</summary>
/// <param name="IdempotencyKey">Stable per application step; required for capabilities with an agency effect.</param>
/// <param name="ApplicationId">The application the call serves, if any.</param>
/// <param name="ClientId">The portal client on whose behalf the hub calls.</param>
/// <param name="Purpose">Why citizen data is read.</param>
public sealed record CallContext(
    string? IdempotencyKey = null,
    Guid? ApplicationId = null,
    string? ClientId = null,
    DataPurpose? Purpose = null);
