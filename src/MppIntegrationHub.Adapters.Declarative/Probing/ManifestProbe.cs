using System.Text.Json;
using MppIntegrationHub.Adapters.Declarative.Manifests;
using MppIntegrationHub.Adapters.Declarative.Runtime;
using MppIntegrationHub.Adapters.Declarative.Validation;
using MppIntegrationHub.Contracts.Errors;

namespace MppIntegrationHub.Adapters.Declarative.Probing;

/// <summary>
/// Calls the agency's sandbox with every example of a valid manifest, through a candidate adapter built exactly as the
/// live one will be (retries off, its own breaker), and checks each mapped output or error against the example.
/// </summary>
public sealed class ManifestProbe(DeclarativeAdapterFactory factory)
{
    public async Task<IReadOnlyDictionary<string, string[]>> ProbeAsync(DeclarativeAdapterManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var errors = new FieldErrors();
        using var candidate = factory.CreateProbe(manifest);
        for (var i = 0; i < manifest.Operations.Count; i++)
        {
            var operation = manifest.Operations[i];
            for (var j = 0; j < operation.Examples.Count; j++)
            {
                var example = operation.Examples[j];
                var field = $"operations[{i}].examples[{j}]";
                var context = new CallContext(IdempotencyKey: $"probe:{manifest.Id}:{manifest.Version}:{i}:{j}", ClientId: "hub-probe");
                try
                {
                    var output = await candidate.InvokeAsync(operation.Capability, example.Input, context, cancellationToken).ConfigureAwait(false);
                    CheckOutput(operation, example, output, field, errors);
                }
                catch (AgencyException ex)
                {
                    CheckError(example, ex.Error, field, errors);
                }
            }
        }

        return errors.ToDictionary();
    }

    private static void CheckOutput(DeclarativeOperation operation, OperationExample example, JsonElement output, string field, FieldErrors errors)
    {
        if (example.ExpectedOutput is not { } expected)
        {
            errors.Add(field, $"the sandbox call succeeded but the example expects a '{Name(example.ExpectedError)}' error");
            return;
        }

        if (!JsonElement.DeepEquals(expected, output))
        {
            errors.Add($"{field}.expectedOutput", $"the mapped sandbox answer {output.GetRawText()} differs from the expected output");
        }

        errors.AddRange($"{field}.response", OutputContractCheck.Errors(operation.Capability, output, operation.Output));
    }

    private static void CheckError(OperationExample example, AgencyError error, string field, FieldErrors errors)
    {
        if (error.Code is "connection" or "timeout")
        {
            errors.Add("sandboxUrl", $"the sandbox could not be reached ({error.Code}) for example '{example.Name}'");
        }
        else if (example.ExpectedError != error.Kind)
        {
            errors.Add(field, example.ExpectedError is null
                ? $"the sandbox call failed with '{Name(error.Kind)}' ({error.Code}) but the example expects an output"
                : $"the sandbox call failed with '{Name(error.Kind)}' ({error.Code}), the example expects '{Name(example.ExpectedError)}'");
        }
    }

    private static string Name(AgencyErrorKind? kind) =>
        kind is null ? "none" : JsonSerializer.Serialize(kind.Value, Contracts.Serialization.HubJson.Options).Trim('"');
}
