using System.Text.Json;
using System.Text.RegularExpressions;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Contracts.Services;

namespace MppIntegrationHub.Orchestration.Definitions;

/// <summary>
/// Checks a definition before it may run and reports every problem at once: unknown capabilities, unknown or
/// cyclic dependencies, references to inputs or steps a step cannot see, and capability fields left unfilled.
/// </summary>
public static partial class WorkflowDefinitionValidator
{
    /// <param name="definition">The definition to check.</param>
    /// <param name="extraCapabilities">Capabilities beyond the canonical ones (declarative adapters); their requests are not shape-checked.</param>
    public static IReadOnlyList<string> Validate(WorkflowDefinition definition, IReadOnlySet<string>? extraCapabilities = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<string>();
        var known = extraCapabilities ?? new HashSet<string>();

        if (!ServiceCodePattern().IsMatch(definition.Service))
        {
            errors.Add($"service '{definition.Service}' is not an upper-case service code");
        }

        if (definition.Version < 1)
        {
            errors.Add("version must be 1 or more");
        }

        if (definition.Steps.Count == 0)
        {
            errors.Add("a workflow needs at least one step");
        }

        foreach (var duplicate in definition.Inputs.GroupBy(i => i.Name).Where(g => g.Count() > 1))
        {
            errors.Add($"input '{duplicate.Key}' is declared more than once");
        }

        foreach (var duplicate in definition.Steps.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            errors.Add($"step id '{duplicate.Key}' is used more than once");
        }

        var steps = definition.Steps.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var inputs = definition.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var step in definition.Steps)
        {
            ValidateStep(step, steps, known, errors);
        }

        var ancestors = Ancestors(steps, errors);
        foreach (var step in definition.Steps)
        {
            var visible = ancestors.GetValueOrDefault(step.Id) ?? [];
            ValidateReferences($"step '{step.Id}' input", step.Input.Values, visible, inputs, errors);
            if (step.Compensation is { } compensation)
            {
                ValidateReferences($"step '{step.Id}' compensation", compensation.Input.Values, [.. visible, step.Id], inputs, errors);
            }
        }

        foreach (var (name, reference) in definition.Outputs)
        {
            ValidateReferences($"output '{name}'", [JsonSerializer.SerializeToElement(reference)], [.. steps.Keys], inputs, errors);
        }

        return errors;
    }

    private static void ValidateStep(
        StepDefinition step,
        Dictionary<string, StepDefinition> steps,
        IReadOnlySet<string> known,
        List<string> errors)
    {
        ValidateCall($"step '{step.Id}'", step.Capability, step.Input, known, errors);
        if (step.Compensation is { } compensation)
        {
            ValidateCall($"step '{step.Id}' compensation", compensation.Capability, compensation.Input, known, errors);
        }

        foreach (var dependency in step.DependsOn.Where(d => !steps.ContainsKey(d)))
        {
            errors.Add($"step '{step.Id}' depends on unknown step '{dependency}'");
        }

        if (step.Retry.InitialDelay <= TimeSpan.Zero || step.Retry.MaxDelay < step.Retry.InitialDelay || step.Retry.Multiplier < 1)
        {
            errors.Add($"step '{step.Id}' retry needs initialDelay > 0, maxDelay >= initialDelay and multiplier >= 1");
        }

        if (step.Deadline <= TimeSpan.Zero)
        {
            errors.Add($"step '{step.Id}' deadline must be positive");
        }

        if (step.Wait is { } wait)
        {
            if (wait.PollInterval <= TimeSpan.Zero || wait.GiveUpAfter <= TimeSpan.Zero)
            {
                errors.Add($"step '{step.Id}' wait needs a positive pollInterval and giveUpAfter");
            }

            if (step.SucceedWhen is null)
            {
                errors.Add($"step '{step.Id}' waits but has no succeedWhen to end the wait");
            }

            if (wait.CallbackReferenceField is { } field && !step.Input.ContainsKey(field))
            {
                errors.Add($"step '{step.Id}' callbackReferenceField '{field}' is not one of its inputs");
            }
        }
    }

    private static void ValidateCall(
        string where,
        string capability,
        IReadOnlyDictionary<string, JsonElement> input,
        IReadOnlySet<string> known,
        List<string> errors)
    {
        if (CanonicalCapabilities.ByName.TryGetValue(capability, out var descriptor))
        {
            var properties = HubJson.Options.GetTypeInfo(descriptor.RequestType).Properties;
            foreach (var missing in properties.Where(p => p.IsRequired && !input.ContainsKey(p.Name)))
            {
                errors.Add($"{where} does not fill '{missing.Name}', which {capability} requires");
            }

            foreach (var unknown in input.Keys.Where(k => properties.All(p => p.Name != k)))
            {
                errors.Add($"{where} fills '{unknown}', which {capability} does not take");
            }
        }
        else if (!known.Contains(capability))
        {
            errors.Add($"{where} names unknown capability '{capability}'");
        }
    }

    private static void ValidateReferences(
        string where,
        IEnumerable<JsonElement> values,
        IReadOnlyCollection<string> visibleSteps,
        HashSet<string> inputs,
        List<string> errors)
    {
        foreach (var text in values.SelectMany(WorkflowTemplate.References))
        {
            var reference = WorkflowReference.TryParse(text);
            var problem = reference switch
            {
                null => "is not a reference ($application.<field>, $inputs.<name>, $steps.<id>.<field>)",
                { Root: WorkflowReferenceRoot.Application } r when !WorkflowReference.ApplicationFields.Contains(r.Name) =>
                    $"reads unknown application field '{r.Name}'",
                { Root: WorkflowReferenceRoot.Inputs } r when !inputs.Contains(r.Name) => $"reads undeclared input '{r.Name}'",
                { Root: WorkflowReferenceRoot.Steps } r when !visibleSteps.Contains(r.Name) =>
                    $"reads step '{r.Name}', which is not one of its (transitive) dependencies",
                _ => null,
            };
            if (problem is not null)
            {
                errors.Add($"{where}: '{text}' {problem}");
            }
        }
    }

    // Transitive dependencies of every step; reports cycles.
    private static Dictionary<string, HashSet<string>> Ancestors(Dictionary<string, StepDefinition> steps, List<string> errors)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var visiting = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        HashSet<string> Visit(string id)
        {
            if (result.TryGetValue(id, out var done))
            {
                return done;
            }

            var at = visiting.IndexOf(id);
            if (at >= 0)
            {
                var cycle = visiting[at..].Append(id).ToList();
                if (reported.Add(string.Join(",", cycle.Skip(1).Order(StringComparer.Ordinal))))
                {
                    errors.Add($"steps form a cycle: {string.Join(" -> ", cycle)}");
                }

                return [];
            }

            visiting.Add(id);
            var ancestors = new HashSet<string>(StringComparer.Ordinal);
            foreach (var dependency in steps[id].DependsOn.Where(steps.ContainsKey))
            {
                ancestors.Add(dependency);
                ancestors.UnionWith(Visit(dependency));
            }

            visiting.RemoveAt(visiting.Count - 1);
            result[id] = ancestors;
            return ancestors;
        }

        foreach (var id in steps.Keys)
        {
            Visit(id);
        }

        return result;
    }

    [GeneratedRegex(ServiceCodes.Pattern)]
    private static partial Regex ServiceCodePattern();
}
