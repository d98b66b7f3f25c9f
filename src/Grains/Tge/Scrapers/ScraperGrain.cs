using Microsoft.Extensions.Logging;
using TgeSwarm.Grains.Coordination;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Tge.Scrapers;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tge.Sources;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Scrapers;

/// <summary>
/// One shard of a scraper group: it owns a set of sources and makes each one poll by claiming it
/// (<see cref="ISourceGrain.ClaimAsync"/>, under the owner name <c>scraper/{key}</c>). The sources do the polling
/// on their own grains, with their own reminders; the scraper only decides which ones run on its behalf.
///
/// Moves are safe in either order because the source records its owner and a release by anyone else is a no-op:
/// a source moving from shard A to shard B is either claimed by B first (A's release then does nothing) or released
/// by A first (B's claim starts it again, its seen-item memory intact). So the queen may restart shards in any order.
///
/// Start persists the new set before it claims, and the sources it gave up as "releasing"; a release that fails
/// stays there and is retried by the next start, stop or activation, so no source is left polling for an owner
/// that forgot it. An activation with a set re-claims, on a timer turn of its own, the sources it has lost (removed
/// or taken over behind its back), never restarting a running one; a start or stop that comes first supersedes it.
/// </summary>
internal sealed partial class ScraperGrain(
    [PersistentState("scraper", PersistentStateAttribute.DefaultStorageName)] IPersistentState<ScraperGrainState> state,
    ILogger<ScraperGrain> logger)
    : Grain, IScraperGrain
{
    // Set by an activation with something to repair; a start or stop that runs first makes the repair moot.
    private bool _repairPending;

    private string Owner => $"{AgentTypes.Scraper}/{this.GetPrimaryKeyString()}";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Sources.Count > 0 || state.State.Releasing.Count > 0)
        {
            // Not inside activation: the call that activated the scraper must not wait on sources of a lost silo.
            _repairPending = true;
            RegisterGrainTimer(
                static (grain, token) => grain.RepairAsync(token), this, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }

        return Task.CompletedTask;
    }

    public async Task StartAsync(TgeScraperSettings settings, CancellationToken cancellationToken)
    {
        Validate(settings);
        _repairPending = false;
        var owned = new Dictionary<string, TgeSourceSettings>(settings.Sources, StringComparer.Ordinal);
        var given = state.State.Sources.Keys.Where(id => !owned.ContainsKey(id)).ToList();
        state.State.Releasing.UnionWith(given);
        state.State.Releasing.ExceptWith(owned.Keys);
        state.State.Sources = owned;
        await state.WriteStateAsync(cancellationToken);

        await Task.WhenAll([
            .. owned.Select(s => GrainFactory.GetGrain<ISourceGrain>(s.Key).ClaimAsync(Owner, s.Value, cancellationToken)),
            ReleasePendingAsync(cancellationToken)]);
        ScraperLog.Started(logger, Owner, owned.Count, given.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _repairPending = false;
        if (state.State.Sources.Count > 0)
        {
            state.State.Releasing.UnionWith(state.State.Sources.Keys);
            state.State.Sources = new(StringComparer.Ordinal);
            await state.WriteStateAsync(cancellationToken);
            ScraperLog.Stopped(logger, Owner);
        }

        await ReleasePendingAsync(cancellationToken);
    }

    /// <summary>Releases the sources given up; those released (or taken over meanwhile) are forgotten even when others fail.</summary>
    private async Task ReleasePendingAsync(CancellationToken cancellationToken)
    {
        var releases = state.State.Releasing
            .Select(id => (Id: id, Task: GrainFactory.GetGrain<ISourceGrain>(id).ReleaseAsync(Owner, cancellationToken)))
            .ToList();
        if (releases.Count == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(releases.Select(static r => r.Task));
        }
        finally
        {
            var released = releases.Where(static r => r.Task.IsCompletedSuccessfully).Select(static r => r.Id).ToList();
            if (released.Count > 0)
            {
                state.State.Releasing.ExceptWith(released);
                await state.WriteStateAsync(cancellationToken);
            }
        }
    }

    private static void Validate(TgeScraperSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Sources is not { Count: > 0 })
        {
            throw new ArgumentException("A scraper needs at least one source.", nameof(settings));
        }

        foreach (var (id, source) in settings.Sources)
        {
            try
            {
                SourceSettingsValidator.Validate(id, source);
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException($"Source '{id}': {ArgumentMessages.WithoutParameter(exception)}", nameof(settings), exception);
            }
        }
    }
}
