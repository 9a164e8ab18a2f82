using Microsoft.AspNetCore.DataProtection;

namespace MppIntegrationHub.Hub.Webhooks;

/// <summary>
/// Webhook signing secrets are encrypted at rest with ASP.NET Core Data Protection (the hub needs them back to sign,
/// so they cannot be hashed): a copy of the store alone does not reveal them.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("MppIntegrationHub.Webhooks.SigningSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
