using System.Collections.Frozen;

namespace MppIntegrationHub.Orchestration.Definitions;

/// <summary>A validated definition with what the engine looks up on every transition precomputed.</summary>
public sealed class WorkflowPlan
{
    public WorkflowPlan(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        Steps = definition.Steps.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        TopologicalOrder = Sort(definition.Steps);
    }

    public WorkflowDefinition Definition { get; }

    public FrozenDictionary<string, StepDefinition> Steps { get; }

    /// <summary>Every step after all of its dependencies; compensation walks it backwards.</summary>
    public IReadOnlyList<StepDefinition> TopologicalOrder { get; }

    public StepDefinition Step(string id) =>
        Steps.GetValueOrDefault(id) ?? throw new InvalidOperationException($"{Definition.Service} v{Definition.Version} has no step '{id}'.");

    private static List<StepDefinition> Sort(IReadOnlyList<StepDefinition> steps)
    {
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<StepDefinition>(steps.Count);
        while (order.Count < steps.Count)
        {
            var ready = steps.Where(s => !placed.Contains(s.Id) && s.DependsOn.All(placed.Contains)).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("Steps form a cycle; validate definitions before planning them.");
            }

            foreach (var step in ready)
            {
                placed.Add(step.Id);
                order.Add(step);
            }
        }

        return order;
    }
}
