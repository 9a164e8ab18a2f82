using System.Net;
using Microsoft.Extensions.Options;

namespace MppIntegrationHub.Hub.Webhooks;

/// <summary>Every allowed private network is a CIDR block.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = options.AllowedPrivateNetworks.Where(n => !IPNetwork.TryParse(n, out _))
            .Select(n => $"{WebhookOptions.Section}:AllowedPrivateNetworks: '{n}' is not a CIDR block such as 127.0.0.0/8.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
