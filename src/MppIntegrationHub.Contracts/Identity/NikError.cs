namespace MppIntegrationHub.Contracts.Identity;

/// <summary>Why a NIK was rejected: the rule and a message fit to show a citizen.</summary>
public sealed record NikError(NikRule Rule, string Message);
