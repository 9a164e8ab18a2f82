using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MppIntegrationHub.Adapters.Declarative.Manifests;
using MppIntegrationHub.Adapters.Declarative.Probing;
using MppIntegrationHub.Adapters.Declarative.Runtime;
using MppIntegrationHub.Adapters.Declarative.Validation;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Adapters.Declarative.Versions;

/// <summary>
/// Registration, versions and switches of declarative adapters: a manifest is validated, probed, stored as a new
/// version, then swapped into the registry without a restart; rollback re-activates the previous version.
/// Changes are serialised in the process; each adapter builds its own pipeline, so one broken manifest touches no other.
/// </summary>
public sealed partial class DeclarativeAdapterCatalog(
    IDbContextFactory<DeclarativeAdapterDbContext> contexts,
    ManifestValidator validator,
    ManifestProbe probe,
    DeclarativeAdapterFactory factory,
    IAdapterRegistry registry,
    TimeProvider clock,
    ILogger<DeclarativeAdapterCatalog> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, DeclarativeAdapter> _live = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changes = new(1, 1);

    /// <summary>Validates, probes, stores and activates a manifest; the first registration makes <paramref name="clientId"/> its owner.</summary>
    public async Task<AdapterChangeResult> RegisterAsync(string json, string clientId, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(json, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return AdapterChangeResult.Refused(AdapterChangeFailure.Invalid, validation.Errors);
        }

        var manifest = validation.Manifest!;
        var probeErrors = await probe.ProbeAsync(manifest, cancellationToken).ConfigureAwait(false);
        if (probeErrors.Count > 0)
        {
            return AdapterChangeResult.Refused(AdapterChangeFailure.ProbeFailed, probeErrors);
        }

        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var state = await db.States.SingleOrDefaultAsync(s => s.AdapterId == manifest.Id, cancellationToken).ConfigureAwait(false);
            if (state is not null && state.Owner != clientId)
            {
                return AdapterChangeResult.Refused(AdapterChangeFailure.NotOwner, "id", $"adapter '{manifest.Id}' belongs to another client");
            }

            var versions = await db.Versions.Where(v => v.AdapterId == manifest.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (versions.Exists(v => v.Version == manifest.Version))
            {
                return AdapterChangeResult.Refused(AdapterChangeFailure.VersionExists, "version", $"version {manifest.Version} of '{manifest.Id}' is already registered");
            }

            var sequence = versions.Count == 0 ? 1 : versions.Max(v => v.Sequence) + 1;
            db.Versions.Add(new AdapterVersionRecord
            {
                AdapterId = manifest.Id,
                Sequence = sequence,
                Version = manifest.Version,
                ManifestJson = JsonSerializer.Serialize(manifest, HubJson.Options),
                RegisteredAt = clock.GetUtcNow(),
                RegisteredBy = clientId,
            });
            if (state is null)
            {
                state = new AdapterStateRecord { AdapterId = manifest.Id, Owner = clientId };
                db.States.Add(state);
            }

            state.ActiveSequence = sequence;
            state.Revision++;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            Activate(manifest, state.Enabled);
            LogActivated(logger, manifest.Id, manifest.Version, sequence);
            return new AdapterChangeResult(await ViewAsync(db, state, cancellationToken).ConfigureAwait(false), AdapterChangeFailure.None, new Dictionary<string, string[]>());
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Re-activates the version registered before the active one.</summary>
    public Task<AdapterChangeResult> RollbackAsync(string adapterId, string clientId, CancellationToken cancellationToken) =>
        ChangeAsync(adapterId, clientId, async (db, state) =>
        {
            var previous = await db.Versions
                .Where(v => v.AdapterId == adapterId && v.Sequence < state.ActiveSequence)
                .OrderByDescending(v => v.Sequence)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (previous is null)
            {
                return "there is no earlier version to roll back to";
            }

            state.ActiveSequence = previous.Sequence;
            Activate(Read(previous), state.Enabled);
            LogActivated(logger, adapterId, previous.Version, previous.Sequence);
            return null;
        }, cancellationToken);

    /// <summary>Switches the adapter on or off; its capabilities route elsewhere or nowhere while it is off.</summary>
    public Task<AdapterChangeResult> SetEnabledAsync(string adapterId, bool enabled, string clientId, CancellationToken cancellationToken) =>
        ChangeAsync(adapterId, clientId, (_, state) =>
        {
            state.Enabled = enabled;
            registry.SetEnabled(adapterId, enabled);
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    /// <summary>The adapters <paramref name="clientId"/> owns.</summary>
    public async Task<IReadOnlyList<DeclarativeAdapterView>> ListAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var states = await db.States.Where(s => s.Owner == clientId).OrderBy(s => s.AdapterId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var views = new List<DeclarativeAdapterView>(states.Count);
        foreach (var state in states)
        {
            views.Add(await ViewAsync(db, state, cancellationToken).ConfigureAwait(false));
        }

        return views;
    }

    /// <summary>One adapter <paramref name="clientId"/> owns, or null.</summary>
    public async Task<DeclarativeAdapterView?> FindAsync(string adapterId, string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var state = await db.States.SingleOrDefaultAsync(s => s.AdapterId == adapterId && s.Owner == clientId, cancellationToken).ConfigureAwait(false);
        return state is null ? null : await ViewAsync(db, state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The active manifest of the live adapter providing <paramref name="capability"/>, if a declarative one does.</summary>
    public DeclarativeOperation? FindOperation(string capability) =>
        registry.TryResolve(capability, out var adapter) && adapter is DeclarativeAdapter declarative
            ? declarative.Source.Operations.FirstOrDefault(o => o.Capability == capability)
            : null;

    /// <summary>The citizen reads (operations declaring the category they read) of every live declarative adapter, active versions only.</summary>
    public IReadOnlyList<DeclarativeOperation> CitizenReads() =>
        [.. _live.Values.SelectMany(a => a.Source.Operations).Select(o => o.Capability).Distinct(StringComparer.Ordinal)
            .Select(FindOperation).OfType<DeclarativeOperation>().Where(o => o.ReadsCategory is not null)];

    /// <summary>Activates every stored adapter's active version (at start); a version that no longer builds is logged and skipped.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var active = await db.States
            .Join(db.Versions, s => new { s.AdapterId, Sequence = s.ActiveSequence }, v => new { v.AdapterId, v.Sequence }, (s, v) => new { s.Enabled, v })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in active)
        {
            try
            {
                Activate(Read(entry.v), entry.Enabled);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
            {
                LogNotLoaded(logger, ex, entry.v.AdapterId, entry.v.Version);
            }
        }
    }

    public void Dispose()
    {
        _changes.Dispose();
        foreach (var adapter in _live.Values)
        {
            adapter.Retire();
        }
    }

    private async Task<AdapterChangeResult> ChangeAsync(
        string adapterId, string clientId, Func<DeclarativeAdapterDbContext, AdapterStateRecord, Task<string?>> change, CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var state = await db.States.SingleOrDefaultAsync(s => s.AdapterId == adapterId && s.Owner == clientId, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                return AdapterChangeResult.Refused(AdapterChangeFailure.NotFound, "id", $"no adapter '{adapterId}' of this client");
            }

            if (await change(db, state).ConfigureAwait(false) is { } refusal)
            {
                return AdapterChangeResult.Refused(AdapterChangeFailure.NotFound, "version", refusal);
            }

            state.Revision++;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new AdapterChangeResult(await ViewAsync(db, state, cancellationToken).ConfigureAwait(false), AdapterChangeFailure.None, new Dictionary<string, string[]>());
        }
        finally
        {
            _changes.Release();
        }
    }

    private void Activate(DeclarativeAdapterManifest manifest, bool enabled)
    {
        var adapter = factory.CreateLive(manifest);
        registry.Replace(adapter, enabled);
        if (_live.TryGetValue(manifest.Id, out var previous))
        {
            previous.Retire();
        }

        _live[manifest.Id] = adapter;
    }

    private static DeclarativeAdapterManifest Read(AdapterVersionRecord version) =>
        JsonSerializer.Deserialize<DeclarativeAdapterManifest>(version.ManifestJson, HubJson.Options)
        ?? throw new JsonException($"Stored manifest {version.AdapterId} {version.Version} is null.");

    private static async Task<DeclarativeAdapterView> ViewAsync(DeclarativeAdapterDbContext db, AdapterStateRecord state, CancellationToken cancellationToken)
    {
        var versions = await db.Versions.Where(v => v.AdapterId == state.AdapterId).OrderBy(v => v.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false);
        var active = versions.Single(v => v.Sequence == state.ActiveSequence);
        var manifest = Read(active);
        return new DeclarativeAdapterView(
            state.AdapterId,
            manifest.Agency,
            active.Version,
            active.Sequence,
            state.Enabled,
            [.. manifest.Operations.Select(o => o.Capability)],
            [.. versions.Select(v => new DeclarativeAdapterVersionView(v.Sequence, v.Version, v.RegisteredAt, v.RegisteredBy, v.Sequence == state.ActiveSequence))]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Declarative adapter {AdapterId} version {Version} (#{Sequence}) is live")]
    private static partial void LogActivated(ILogger logger, string adapterId, string version, int sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Declarative adapter {AdapterId} version {Version} could not be loaded; other adapters are unaffected")]
    private static partial void LogNotLoaded(ILogger logger, Exception exception, string adapterId, string version);
}
