using System.Collections.Frozen;

namespace MppIntegrationHub.Orchestration.Definitions;

/// <summary>
/// Every version of every definition. New applications start on a service's highest version; a running
/// application keeps asking for the version it started with, so publishing v2 never changes a v1 run.
/// </summary>
public sealed class WorkflowDefinitionRegistry
{
    private readonly FrozenDictionary<(string Service, int Version), WorkflowPlan> _plans;
    private readonly FrozenDictionary<string, WorkflowPlan> _latest;

    public WorkflowDefinitionRegistry(IEnumerable<WorkflowDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var all = definitions.ToList();
        var duplicates = all.GroupBy(d => (d.Service, d.Version)).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            throw new WorkflowDefinitionException(
                "registry", [.. duplicates.Select(d => $"{d.Key.Service} version {d.Key.Version} is defined more than once")]);
        }

        _plans = all.ToFrozenDictionary(d => (d.Service, d.Version), d => new WorkflowPlan(d));
        _latest = _plans.Values.GroupBy(p => p.Definition.Service)
            .ToFrozenDictionary(g => g.Key, g => g.MaxBy(p => p.Definition.Version)!, StringComparer.Ordinal);
    }

    public IEnumerable<WorkflowPlan> Latest => _latest.Values.OrderBy(p => p.Definition.Service, StringComparer.Ordinal);

    public WorkflowPlan? FindLatest(string service) => _latest.GetValueOrDefault(service);

    public WorkflowPlan Get(string service, int version) =>
        _plans.GetValueOrDefault((service, version))
        ?? throw new InvalidOperationException($"Workflow {service} version {version} is not registered; an application started on it cannot continue.");
}
