using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Declarative.Manifests;
using MppIntegrationHub.Adapters.Declarative.Mapping;
using MppIntegrationHub.Adapters.Declarative.Runtime;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Adapters.Declarative.Validation;

/// <summary>
/// Checks a submitted manifest without calling the agency: size, JSON Schema, the SDK's manifest rules, the base URL
/// policy, the limits on operations and expressions, that every expression is JMESPath, and that each example's
/// expected output honours the capability's contract. Every problem is reported, by field.
/// </summary>
public sealed partial class ManifestValidator(BaseUrlPolicy urls, DeclarativeCredentials credentials, IOptions<DeclarativeAdapterOptions> options)
{
    public async Task<ManifestValidation> ValidateAsync(string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new FieldErrors();
        var limits = options.Value;
        if (Encoding.UTF8.GetByteCount(json) > limits.MaxManifestBytes)
        {
            errors.Add("$", $"the manifest is larger than {limits.MaxManifestBytes} bytes");
            return new ManifestValidation(null, errors.ToDictionary());
        }

        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            errors.Add("$", $"not JSON: {ex.Message}");
            return new ManifestValidation(null, errors.ToDictionary());
        }

        foreach (var (field, error) in ManifestSchema.Check(json))
        {
            errors.Add(field, error);
        }

        DeclarativeAdapterManifest? manifest = null;
        if (errors.IsEmpty)
        {
            try
            {
                manifest = JsonSerializer.Deserialize<DeclarativeAdapterManifest>(json, HubJson.Options);
            }
            catch (JsonException ex)
            {
                errors.Add(ex.Path ?? "$", ex.Message);
            }
        }

        if (manifest is null)
        {
            return new ManifestValidation(null, errors.ToDictionary());
        }

        foreach (var error in manifest.ToAdapterManifest().Validate())
        {
            errors.Add(FieldOf(error), error);
        }

        errors.AddRange("baseUrl", await urls.CheckAsync(manifest.BaseUrl, cancellationToken).ConfigureAwait(false));
        if (manifest.SandboxUrl is { } sandbox)
        {
            errors.AddRange("sandboxUrl", await urls.CheckAsync(sandbox, cancellationToken).ConfigureAwait(false));
        }

        CheckAuth(manifest, errors);
        CheckOperations(manifest, errors, limits);
        return new ManifestValidation(errors.IsEmpty ? manifest : null, errors.ToDictionary());
    }

    private void CheckAuth(DeclarativeAdapterManifest manifest, FieldErrors errors)
    {
        string[] secrets = manifest.Auth.Kind switch
        {
            AgencyAuthKind.ApiKey => ["ApiKey"],
            AgencyAuthKind.OAuth2ClientCredentials => ["ClientId", "ClientSecret"],
            AgencyAuthKind.BodyCredentials => ["User", "Password"],
            _ => [],
        };
        foreach (var secret in secrets.Where(s => !credentials.Has(manifest.Id, s)))
        {
            errors.Add("auth", $"the hub has no '{secret}' configured for adapter '{manifest.Id}' ({DeclarativeCredentials.Section}:{manifest.Id}:{secret})");
        }

        if (manifest.Auth.Kind == AgencyAuthKind.OAuth2ClientCredentials && string.IsNullOrWhiteSpace(manifest.Auth.TokenPath))
        {
            errors.Add("auth.tokenPath", "OAuth2 client credentials need the token path");
        }

        if (manifest.Auth.Kind == AgencyAuthKind.BodyCredentials && manifest.Operations.Any(o => o.Body is null))
        {
            errors.Add("auth", "body credentials need a request body on every operation");
        }
    }

    private static void CheckOperations(DeclarativeAdapterManifest manifest, FieldErrors errors, DeclarativeAdapterOptions limits)
    {
        if (manifest.Operations.Count is 0 || manifest.Operations.Count > limits.MaxOperations)
        {
            errors.Add("operations", $"between 1 and {limits.MaxOperations} operations are allowed");
        }

        for (var i = 0; i < manifest.Operations.Count; i++)
        {
            CheckOperation(manifest.Operations[i], $"operations[{i}]", errors, limits);
        }
    }

    private static void CheckOperation(DeclarativeOperation operation, string at, FieldErrors errors, DeclarativeAdapterOptions limits)
    {
        var method = operation.Method.ToUpperInvariant();
        if (method is not ("GET" or "POST"))
        {
            errors.Add($"{at}.method", "must be GET or POST");
        }

        if (operation.Body is not null && method != "POST")
        {
            errors.Add($"{at}.body", "only a POST carries a body");
        }

        if (operation.Path.Contains("://", StringComparison.Ordinal) || operation.Path.Contains("..", StringComparison.Ordinal) || operation.Path.StartsWith("//", StringComparison.Ordinal))
        {
            errors.Add($"{at}.path", "must be a path relative to the base URL");
        }

        var placeholders = Placeholder().Matches(operation.Path).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in placeholders.Where(p => !operation.PathParameters.ContainsKey(p)))
        {
            errors.Add($"{at}.pathParameters", $"placeholder '{{{missing}}}' has no mapping");
        }

        foreach (var unused in operation.PathParameters.Keys.Where(p => !placeholders.Contains(p)))
        {
            errors.Add($"{at}.pathParameters.{unused}", "no such placeholder in the path");
        }

        CheckCount($"{at}.pathParameters", operation.PathParameters.Count, errors, limits);
        CheckCount($"{at}.query", operation.Query.Count, errors, limits);
        CheckCount($"{at}.errors.codes", operation.Errors.Codes.Count, errors, limits);
        foreach (var (name, expression) in operation.PathParameters)
        {
            CheckExpression($"{at}.pathParameters.{name}", expression, errors, limits);
        }

        foreach (var (name, expression) in operation.Query)
        {
            CheckExpression($"{at}.query.{name}", expression, errors, limits);
        }

        CheckExpression($"{at}.body", operation.Body, errors, limits);
        CheckExpression($"{at}.response", operation.Response, errors, limits);
        CheckExpression($"{at}.errors.codePath", operation.Errors.CodePath, errors, limits);

        var known = CanonicalCapabilities.ByName.ContainsKey(operation.Capability);
        if (!known && operation.Output is null)
        {
            errors.Add($"{at}.output", $"'{operation.Capability}' is not a canonical capability: describe its output contract");
        }

        foreach (var field in operation.Output?.Required.Where(f => !operation.Output.Fields.ContainsKey(f)) ?? [])
        {
            errors.Add($"{at}.output.required", $"'{field}' is required but not among the fields");
        }

        CheckExamples(operation, at, errors, limits);
    }

    private static void CheckExamples(DeclarativeOperation operation, string at, FieldErrors errors, DeclarativeAdapterOptions limits)
    {
        if (operation.Examples.Count is 0 || operation.Examples.Count > limits.MaxExamplesPerOperation)
        {
            errors.Add($"{at}.examples", $"between 1 and {limits.MaxExamplesPerOperation} examples are needed (the probe and the simulator twin run them)");
        }

        if (!operation.Examples.Any(e => e.ExpectedOutput is not null))
        {
            errors.Add($"{at}.examples", "at least one example must show a successful output");
        }

        for (var j = 0; j < operation.Examples.Count; j++)
        {
            var example = operation.Examples[j];
            var field = $"{at}.examples[{j}]";
            if ((example.ExpectedOutput is null) == (example.ExpectedError is null))
            {
                errors.Add(field, "give either expectedOutput or expectedError");
            }

            if (example.ExpectedOutput is { } output)
            {
                errors.AddRange($"{field}.expectedOutput", OutputContractCheck.Errors(operation.Capability, output, operation.Output));
            }
        }
    }

    private static void CheckCount(string field, int count, FieldErrors errors, DeclarativeAdapterOptions limits)
    {
        if (count > limits.MaxMappingsPerOperation)
        {
            errors.Add(field, $"at most {limits.MaxMappingsPerOperation} entries are allowed");
        }
    }

    private static void CheckExpression(string field, string? expression, FieldErrors errors, DeclarativeAdapterOptions limits)
    {
        if (expression is null)
        {
            return;
        }

        if (expression.Length > limits.MaxExpressionLength)
        {
            errors.Add(field, $"the expression is longer than {limits.MaxExpressionLength} characters");
        }
        else if (JmesPathMapping.TryCompile(expression, out var error) is null)
        {
            errors.Add(field, $"not a JMESPath expression: {error}");
        }
    }

    // The SDK's messages start with the property they concern ("Quota.PermitLimit must ..."): key them by its JSON name.
    private static string FieldOf(string error)
    {
        var match = SdkField().Match(error);
        return match.Success
            ? string.Join('.', match.Value.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName))
            : "operations";
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(Id|Agency|Version|BaseUrl|MaxResponseBytes|Quota|Timeouts|Retry|Breaker)(\.[A-Za-z]+)?")]
    private static partial Regex SdkField();
}
