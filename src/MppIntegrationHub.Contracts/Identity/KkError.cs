namespace MppIntegrationHub.Contracts.Identity;

/// <summary>Why a family card number was rejected.</summary>
public sealed record KkError(KkRule Rule, string Message);
