using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Adapters.Resilience;
using MppIntegrationHub.Adapters.Telemetry;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using Polly.CircuitBreaker;

namespace MppIntegrationHub.Adapters.Registry;

/// <summary>
/// Routes each capability to its active adapter. Changes swap an immutable routing table, so a call reads one
/// consistent snapshot without locking.
/// </summary>
public sealed class AdapterRegistry : IAdapterRegistry, ICapabilityInvoker
{
    private const string Hub = "hub";

    private readonly Lock _gate = new();
    private readonly AgencyControls _controls;
    private readonly AgencyTelemetry _telemetry;
    private List<Entry> _entries;
    private FrozenDictionary<string, IAgencyAdapter> _routes = FrozenDictionary<string, IAgencyAdapter>.Empty;

    public AdapterRegistry(IEnumerable<IAgencyAdapter> adapters, AgencyControls controls, AgencyTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        _controls = controls;
        _telemetry = telemetry;
        _entries = [];
        foreach (var adapter in adapters)
        {
            Register(adapter);
        }
    }

    public void Register(IAgencyAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        lock (_gate)
        {
            if (_entries.Exists(e => e.Adapter.Manifest.Id == adapter.Manifest.Id))
            {
                throw new InvalidOperationException($"An adapter with id '{adapter.Manifest.Id}' is already registered.");
            }

            Publish([.. _entries, new Entry(adapter, Enabled: true)]);
        }
    }

    public void Replace(IAgencyAdapter adapter, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        lock (_gate)
        {
            Publish([.. _entries.Where(e => e.Adapter.Manifest.Id != adapter.Manifest.Id), new Entry(adapter, enabled)]);
        }
    }

    public bool Remove(string adapterId) => Change(adapterId, entries => entries.RemoveAll(e => e.Adapter.Manifest.Id == adapterId));

    public bool SetEnabled(string adapterId, bool enabled) => Change(adapterId, entries =>
    {
        var index = entries.FindIndex(e => e.Adapter.Manifest.Id == adapterId);
        entries[index] = entries[index] with { Enabled = enabled };
    });

    public void SetRetriesEnabled(string agency, bool enabled) => _controls.For(agency).RetriesEnabled = enabled;

    public bool TryResolve(string capability, [NotNullWhen(true)] out IAgencyAdapter? adapter) =>
        _routes.TryGetValue(capability, out adapter);

    public IReadOnlyList<AdapterStatus> GetStatuses()
    {
        List<Entry> entries;
        lock (_gate)
        {
            entries = _entries;
        }

        return entries.ConvertAll(e =>
        {
            var control = _controls.For(e.Adapter.Manifest.Agency);
            var breaker = control.Breaker.CircuitState;
            var health = (e.Enabled, breaker) switch
            {
                (false, _) => AdapterHealth.Disabled,
                (_, CircuitState.Closed) => AdapterHealth.Healthy,
                (_, CircuitState.HalfOpen) => AdapterHealth.Degraded,
                _ => AdapterHealth.Unavailable,
            };
            var manifest = e.Adapter.Manifest;
            return new AdapterStatus(manifest.Id, manifest.Agency, manifest.Version, [.. manifest.Capabilities], e.Enabled, health, breaker, control.RetriesEnabled);
        });
    }

    public IReadOnlyList<AgencyStatus> GetAgencyStatuses() =>
        [.. GetStatuses()
            .GroupBy(a => a.Agency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var control = _controls.For(g.Key);
                return new AgencyStatus(
                    g.Key, g.Max(a => a.Health), control.Breaker.CircuitState, control.RetriesEnabled, control.QuotaPermitsAvailable, _telemetry.Traffic(g.Key), [.. g]);
            })];

    public Task<TResult> InvokeAsync<TRequest, TResult>(
        Capability<TRequest, TResult> capability,
        TRequest request,
        CallContext context,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(capability);
        ArgumentNullException.ThrowIfNull(context);
        RequireIdempotencyKey(capability, context);
        var adapter = Resolve(capability.Name);
        return Measured(
            adapter,
            capability.Name,
            context,
            (adapter, capability, request, context, cancellationToken),
            static call => call.adapter.InvokeAsync(call.capability, call.request, call.context, call.cancellationToken),
            cancellationToken);
    }

    public Task<JsonElement> InvokeAsync(string capability, JsonElement request, CallContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CanonicalCapabilities.ByName.TryGetValue(capability, out var descriptor))
        {
            RequireIdempotencyKey(descriptor, context);
        }

        var adapter = Resolve(capability);
        return Measured(
            adapter,
            capability,
            context,
            (adapter, capability, request, context, cancellationToken),
            static call => call.adapter.InvokeAsync(call.capability, call.request, call.context, call.cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="call"/> inside the call's span and metrics, and turns its failure into the canonical error
    /// (unless the call was cancelled); a static call with its state allocates no closure.
    /// </summary>
    private async Task<T> Measured<TState, T>(
        IAgencyAdapter adapter, string capability, CallContext context, TState state, Func<TState, Task<T>> call, CancellationToken cancellationToken)
    {
        var measured = _telemetry.Start(adapter.Manifest.Agency, capability, context);
        AgencyErrorKind? error = null;
        try
        {
            return await call(state).ConfigureAwait(false);
        }
        catch (AgencyException exception)
        {
            error = exception.Error.Kind;
            throw;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var normalized = adapter.Normalize(exception);
            error = normalized.Kind;
            throw new AgencyException(normalized);
        }
        finally
        {
            measured.End(error);
        }
    }

    private static void RequireIdempotencyKey(CapabilityDescriptor capability, CallContext context)
    {
        if (capability.HasAgencyEffect && string.IsNullOrWhiteSpace(context.IdempotencyKey))
        {
            throw new AgencyException(AgencyFailures.Create(
                Hub, AgencyErrorKind.InvalidRequest, "idempotency-key-required", $"'{capability.Name}' changes agency state and needs an idempotency key."));
        }
    }

    private IAgencyAdapter Resolve(string capability) =>
        _routes.TryGetValue(capability, out var adapter)
            ? adapter
            : throw new AgencyException(AgencyFailures.Create(
                Hub, AgencyErrorKind.Transient, "capability-unavailable", $"No enabled adapter provides '{capability}'."));

    private bool Change(string adapterId, Action<List<Entry>> change)
    {
        lock (_gate)
        {
            if (!_entries.Exists(e => e.Adapter.Manifest.Id == adapterId))
            {
                return false;
            }

            var entries = new List<Entry>(_entries);
            change(entries);
            Publish(entries);
            return true;
        }
    }

    private void Publish(List<Entry> entries)
    {
        var routes = new Dictionary<string, IAgencyAdapter>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Enabled))
        {
            foreach (var capability in entry.Adapter.Manifest.Capabilities)
            {
                routes[capability] = entry.Adapter;
            }
        }

        _entries = entries;
        _routes = routes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Entry(IAgencyAdapter Adapter, bool Enabled);
}
