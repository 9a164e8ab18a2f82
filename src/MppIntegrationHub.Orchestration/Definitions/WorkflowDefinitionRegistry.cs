using System.Collections.Frozen;

namespace MppIntegrationHub.Orchestration.Definitions;

/// <summary>
/// Every version of every definition. New applications start on a service's highest version; a running
/// application keeps asking for the version it started with, so publishing v2 never changes a v1 run.
/// Definitions can be published at run time (services built on capabilities of agencies that joined at run time);
/// each publication swaps an immutable snapshot, so readers never lock.
/// </summary>
public sealed class WorkflowDefinitionRegistry
{
    private readonly Lock _gate = new();
    private volatile Snapshot _snapshot;

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

        _snapshot = new Snapshot(all.Select(d => new WorkflowPlan(d)));
    }

    public IEnumerable<WorkflowPlan> Latest => _snapshot.Latest.Values.OrderBy(p => p.Definition.Service, StringComparer.Ordinal);

    public WorkflowPlan? FindLatest(string service) => _snapshot.Latest.GetValueOrDefault(service);

    public WorkflowPlan Get(string service, int version) =>
        _snapshot.Plans.GetValueOrDefault((service, version))
        ?? throw new InvalidOperationException($"Workflow {service} version {version} is not registered; an application started on it cannot continue.");

    /// <summary>
    /// Adds a validated definition (see <see cref="WorkflowDefinitionLoader.Parse"/>) without a restart; new applications
    /// of its service start on it if its version is the highest. Throws when that service version already exists.
    /// </summary>
    public void Publish(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_gate)
        {
            if (_snapshot.Plans.ContainsKey((definition.Service, definition.Version)))
            {
                throw new WorkflowDefinitionException("registry", [$"{definition.Service} version {definition.Version} is defined more than once"]);
            }

            _snapshot = new Snapshot([.. _snapshot.Plans.Values, new WorkflowPlan(definition)]);
        }
    }

    private sealed class Snapshot
    {
        public Snapshot(IEnumerable<WorkflowPlan> plans)
        {
            Plans = plans.ToFrozenDictionary(p => (p.Definition.Service, p.Definition.Version));
            Latest = Plans.Values.GroupBy(p => p.Definition.Service)
                .ToFrozenDictionary(g => g.Key, g => g.MaxBy(p => p.Definition.Version)!, StringComparer.Ordinal);
        }

        public FrozenDictionary<(string Service, int Version), WorkflowPlan> Plans { get; }

        public FrozenDictionary<string, WorkflowPlan> Latest { get; }
    }
}
