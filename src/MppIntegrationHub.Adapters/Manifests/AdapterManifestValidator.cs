using Microsoft.Extensions.Options;

namespace MppIntegrationHub.Adapters.Manifests;

/// <summary>Validates adapter options on start and reports every broken rule at once.</summary>
public sealed class AdapterManifestValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : AdapterManifest
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => $"Adapter '{options.Id}': {e}"));
    }
}
